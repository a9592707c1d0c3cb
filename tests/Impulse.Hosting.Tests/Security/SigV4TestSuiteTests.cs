using Impulse.Hosting.Security;

namespace Impulse.Hosting.Tests.Security;

/// <summary>
/// Canonicalisation and signing against AWS's published Signature Version 4 test suite: requests to
/// <c>example.amazonaws.com</c> signed at 20150830T123600Z for <c>us-east-1</c> and service <c>service</c> by
/// <c>AKIDEXAMPLE</c> with the documented secret.
/// </summary>
public sealed class SigV4TestSuiteTests
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private const string AmzDate = "20150830T123600Z";
    private const string Scope = "20150830/us-east-1/service/aws4_request";
    private const string EmptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static readonly Dictionary<string, IReadOnlyList<string>> VanillaHeaders = new()
    {
        ["host"] = ["example.amazonaws.com"],
        ["x-amz-date"] = [AmzDate],
    };

    [Fact]
    public void GetVanilla_CanonicalRequestAndSignature_MatchTheSuite()
    {
        var canonical = Canonical("GET", "/", "", ["host", "x-amz-date"], VanillaHeaders, EmptyHash);

        Assert.Equal($"GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:{AmzDate}\n\nhost;x-amz-date\n{EmptyHash}", canonical);
        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", Sign(canonical));
    }

    [Fact]
    public void GetVanillaQueryOrderKeyCase_QueryIsSortedByName_SignatureMatchesTheSuite()
    {
        var canonical = Canonical("GET", "/", "Param2=value2&Param1=value1", ["host", "x-amz-date"], VanillaHeaders, EmptyHash);

        Assert.Equal("Param1=value1&Param2=value2", canonical.Split('\n')[2]);
        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", Sign(canonical));
    }

    [Fact]
    public void PostXWwwFormUrlencoded_BodyHashAndContentType_SignatureMatchesTheSuite()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(VanillaHeaders) { ["content-type"] = ["application/x-www-form-urlencoded"] };
        var bodyHash = SigV4Signature.Hex(System.Security.Cryptography.SHA256.HashData("Param1=value1"u8));

        var canonical = Canonical("POST", "/", "", ["content-type", "host", "x-amz-date"], headers, bodyHash);

        Assert.Equal("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e", bodyHash);
        Assert.Equal(
            $"POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:{AmzDate}\n\ncontent-type;host;x-amz-date\n{bodyHash}",
            canonical);
        Assert.Equal($"AWS4-HMAC-SHA256\n{AmzDate}\n{Scope}\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281", SigV4Signature.StringToSign(AmzDate, Scope, canonical));
        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", Sign(canonical));
    }

    [Fact]
    public void PostVanilla_EmptyBody_SignatureMatchesTheSuite() =>
        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", Sign(Canonical("POST", "/", "", ["host", "x-amz-date"], VanillaHeaders, EmptyHash)));

    [Fact]
    public void GetHeaderValueTrim_ValuesTrimmedAndInnerSpacesCollapsed_AsTheSuiteCanonicalises()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(VanillaHeaders) { ["my-header1"] = [" value1"], ["my-header2"] = ["\"a   b   c\""] };

        var canonical = Canonical("GET", "/", "", ["host", "my-header1", "my-header2", "x-amz-date"], headers, EmptyHash);

        Assert.Contains("\nmy-header1:value1\nmy-header2:\"a b c\"\n", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHeaderKeyDuplicate_RepeatedHeaderValuesJoinedWithCommas()
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(VanillaHeaders) { ["my-header1"] = ["value2", "value2", "value1"] };

        var canonical = Canonical("GET", "/", "", ["host", "my-header1", "x-amz-date"], headers, EmptyHash);

        Assert.Contains("\nmy-header1:value2,value2,value1\n", canonical, StringComparison.Ordinal);
    }

    [Theory]
    // The suite's normalisation cases: relative segments, redundant slashes, spaces and UTF-8.
    [InlineData("/example1/example2/../..", "/")]
    [InlineData("/example/..", "/")]
    [InlineData("/./example", "/example")]
    [InlineData("//example//", "/example/")]
    [InlineData("/example space/", "/example%20space/")]
    [InlineData("/ሴ", "/%E1%88%B4")]
    [InlineData("/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")]
    public void CanonicalUri_SuitePaths_NormaliseAsPublished(string path, string expected) =>
        Assert.Equal(expected, SigV4Encoding.CanonicalUri(path));

    [Fact]
    public void CanonicalUri_PathAsSentPercentEncoded_IsEncodedAgain_AsServicesOtherThanS3Sign()
    {
        // A function ARN travels with its colons as %3A; a client signs them encoded twice.
        var canonical = SigV4Encoding.CanonicalUri("/2015-03-31/functions/arn%3Aaws%3Alambda%3Alocal%3A000000000000%3Afunction%3Agreet/invocations");

        Assert.Equal("/2015-03-31/functions/arn%253Aaws%253Alambda%253Alocal%253A000000000000%253Afunction%253Agreet/invocations", canonical);
    }

    [Theory]
    [InlineData("Param1=value1&Param1=value0", "Param1=value0&Param1=value1")]
    [InlineData("Param-3=Value3&Param=Value2&-Param=Value1", "-Param=Value1&Param=Value2&Param-3=Value3")]
    [InlineData("Qualifier=$LATEST", "Qualifier=%24LATEST")]
    [InlineData("Qualifier=%24LATEST", "Qualifier=%24LATEST")]
    [InlineData("a=b%20c&flag", "a=b%20c&flag=")]
    [InlineData("-._~=-._~", "-._~=-._~")]
    public void CanonicalQuery_DecodedThenEncodedAndSorted(string raw, string expected) =>
        Assert.Equal(expected, SigV4Encoding.CanonicalQuery(raw));

    [Fact]
    public void SigningKey_DerivedFromSecretDateRegionService_DiffersWhenAnyChanges()
    {
        var key = SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "service");

        Assert.Equal(32, key.Length);
        Assert.NotEqual(key, SigV4Signature.SigningKey(Secret, "20150831", "us-east-1", "service"));
        Assert.NotEqual(key, SigV4Signature.SigningKey(Secret, "20150830", "us-west-2", "service"));
        Assert.NotEqual(key, SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "lambda"));
    }

    [Fact]
    public void ParseAuthorization_WellFormedHeader_ReadsEveryPart()
    {
        var parsed = SigV4Authorization.Parse(
            $"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/{Scope}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", out var problem);

        Assert.Null(problem);
        Assert.NotNull(parsed);
        Assert.Equal("AKIDEXAMPLE", parsed.AccessKeyId);
        Assert.Equal(Scope, parsed.Scope);
        Assert.Equal(["host", "x-amz-date"], parsed.SignedHeaders);
    }

    [Theory]
    [InlineData("AWS4-HMAC-SHA1 Credential=A/20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=00", "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA1'")]
    [InlineData("AWS4-HMAC-SHA256 SignedHeaders=host, Signature=00", "requires 'Credential' parameter")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/us-east-1/service/aws4_request, Signature=00", "requires 'SignedHeaders' parameter")]
    [InlineData("AWS4-HMAC-SHA256 Credential=A/20150830/us-east-1/aws4_request, SignedHeaders=host, Signature=00", "Credential should be 'ACCESS_KEY_ID/DATE/REGION/SERVICE/aws4_request'")]
    public void ParseAuthorization_MalformedHeader_NamesWhatIsWrong(string header, string expected)
    {
        Assert.Null(SigV4Authorization.Parse(header, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    private static string Canonical(string method, string path, string query, IReadOnlyList<string> signed, Dictionary<string, IReadOnlyList<string>> headers, string payloadHash) =>
        SigV4Signature.CanonicalRequest(method, path, query, signed, name => headers[name], payloadHash);

    private static string Sign(string canonical) =>
        SigV4Signature.Sign(SigV4Signature.SigningKey(Secret, "20150830", "us-east-1", "service"), SigV4Signature.StringToSign(AmzDate, Scope, canonical));
}
