using System.Net;
using System.Text;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using static Impulse.Hosting.Tests.Security.SecuredHost;

namespace Impulse.Hosting.Tests.Security;

/// <summary>
/// The Invoke API authenticates callers with Signature Version 4: requests signed by the AWS SDK's own signer pass,
/// and every way a request can be forged or stale is refused as AWS refuses it, before the handler runs.
/// </summary>
public sealed class InvokeAuthenticationTests : IAsyncLifetime
{
    private SecuredHost _host = null!;

    public async Task InitializeAsync() => _host = await SecuredHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Invoke_SignedByAllowedPrincipal_RunsHandlerOnce()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"guarded call 1\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_Unsigned_Refused403MissingAuthenticationToken_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), key: null);

        await AssertRefusedAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_BodyTamperedAfterSigning_Refused403InvalidSignature_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice,
            r => r.Content = new StringContent(ProbeEvent(probe).Replace("}", ",\"extra\":1}", StringComparison.Ordinal), Encoding.UTF8, "application/json"));

        await AssertRefusedAsync(response, "InvalidSignatureException", "x-amz-content-sha256");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_BodyTamperedWithMatchingContentHash_Refused403InvalidSignature_HandlerNeverRuns()
    {
        var probe = NewProbe();
        var forged = ProbeEvent(probe).Replace("}", ",\"extra\":1}", StringComparison.Ordinal);

        // A forger who also fixes the content hash header still breaks the signature, which covers that header.
        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice, r =>
        {
            r.Content = new StringContent(forged, Encoding.UTF8, "application/json");
            r.Headers.Remove("X-Amz-Content-SHA256");
            r.Headers.Add("X-Amz-Content-SHA256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(forged))));
        });

        await AssertRefusedAsync(response, "InvalidSignatureException", "The request signature we calculated does not match the signature you provided.");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedHeaderTamperedAfterSigning_Refused403InvalidSignature_HandlerNeverRuns()
    {
        var probe = NewProbe();
        var request = Invocation("guarded", probe);
        request.Headers.Add("X-Amz-Log-Type", "None");

        using var response = await _host.SendAsync(request, Alice, r =>
        {
            r.Headers.Remove("X-Amz-Log-Type");
            r.Headers.Add("X-Amz-Log-Type", "Tail");
        });

        await AssertRefusedAsync(response, "InvalidSignatureException", "The request signature we calculated does not match");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_PathTamperedAfterSigning_Refused403InvalidSignature_HandlerNeverRuns()
    {
        var probe = NewProbe();

        // Signed for one function, sent to another that the same caller may invoke.
        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice,
            r => r.RequestUri = new Uri(r.RequestUri!.ToString().Replace("/guarded/", "/open-to-all/", StringComparison.Ordinal)));

        await AssertRefusedAsync(response, "InvalidSignatureException", "does not match");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedWithWrongSecret_Refused403InvalidSignature_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { Secret = "not-alice-secret" });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Check your AWS Secret Access Key");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedWithUnknownKey_Refused403UnrecognizedClient_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("open-to-all", probe), new SigningKey("AKIDNOBODY", "whatever"));

        await AssertRefusedAsync(response, "UnrecognizedClientException", "The security token included in the request is invalid.");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedSixMinutesAgo_Refused403SignatureExpired_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { SignedAt = DateTime.UtcNow.AddMinutes(-6) });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Signature expired: ");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedSixMinutesAhead_Refused403SignatureNotYetCurrent_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { SignedAt = DateTime.UtcNow.AddMinutes(6) });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Signature not yet current: ");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedFourMinutesAgo_WithinAllowedSkew_RunsHandler()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { SignedAt = DateTime.UtcNow.AddMinutes(-4) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedForAnotherRegion_Refused403InvalidSignature()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { Region = "eu-west-1" });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Credential should be scoped to a valid region: this host's region is 'local'");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SignedForAnotherService_Refused403InvalidSignature()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Alice with { Service = "execute-api" });

        await AssertRefusedAsync(response, "InvalidSignatureException", "Credential should be scoped to correct service: 'lambda'");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_MalformedAuthorization_Refused403IncompleteSignature()
    {
        var probe = NewProbe();
        var request = Invocation("guarded", probe);
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDALICE/20261125/local/lambda/aws4_request");

        using var response = await _host.SendAsync(request, key: null);

        await AssertRefusedAsync(response, "IncompleteSignatureException", "Authorization header requires 'SignedHeaders' parameter.");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SessionKeyWithItsToken_RunsHandler_AndWithoutIt_Refused()
    {
        var probe = NewProbe();
        var withToken = Invocation("open-to-all", probe);
        withToken.Headers.Add("X-Amz-Security-Token", SessionToken);

        using var accepted = await _host.SendAsync(withToken, Session);
        using var refused = await _host.SendAsync(Invocation("open-to-all", probe), Session);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await AssertRefusedAsync(refused, "UnrecognizedClientException", "security token");
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_FunctionNamedByArnWithQualifier_SignatureOverDoubleEncodedPathAndQuery_Verifies()
    {
        var probe = NewProbe();

        // Colons travel percent-encoded and are signed encoded twice; the qualifier's '$' is encoded in the canonical query.
        using var response = await _host.SendAsync(Invocation("arn:aws:lambda:local:000000000000:function:guarded", probe, "?Qualifier=$LATEST"), Alice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task ListFunctions_Unsigned_Refused_Signed_Lists()
    {
        using var unsigned = await _host.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/2015-03-31/functions"), key: null);
        using var signed = await _host.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/2015-03-31/functions"), Carol);

        await AssertRefusedAsync(unsigned, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Contains("\"guarded\"", await signed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnknownFunction_UnsignedGets403_SignedGets404()
    {
        using var unsigned = await _host.SendAsync(Invocation("no-such-function", NewProbe()), key: null);
        using var signed = await _host.SendAsync(Invocation("no-such-function", NewProbe()), Root);

        // An unsigned caller cannot even learn which functions exist.
        await AssertRefusedAsync(unsigned, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(HttpStatusCode.NotFound, signed.StatusCode);
    }
}
