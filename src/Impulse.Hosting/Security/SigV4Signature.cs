using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Impulse.Hosting.Security;

/// <summary>
/// Signature Version 4's arithmetic: the canonical request, the string to sign and the signing key derived from the
/// secret through the scope's date, region and service.
/// </summary>
internal static class SigV4Signature
{
    /// <summary>The hex SHA-256 of an empty payload.</summary>
    public static readonly string EmptyPayloadHash = Hex(SHA256.HashData([]));

    /// <summary>
    /// The canonical request: method, canonical URI, canonical query, each signed header as <c>name:value</c>, the
    /// signed header names, and the payload's hash, one per line.
    /// </summary>
    /// <param name="method">The request's method.</param>
    /// <param name="rawPath">The path as it arrived, still percent-encoded.</param>
    /// <param name="rawQuery">The query as it arrived, without <c>?</c>.</param>
    /// <param name="signedHeaders">The lower-case names of the signed headers, in the order signed.</param>
    /// <param name="headerValues">The values a request carries for a lower-case header name; several are joined by commas.</param>
    /// <param name="payloadHash">The hex SHA-256 of the body.</param>
    public static string CanonicalRequest(string method, string rawPath, string rawQuery, IReadOnlyList<string> signedHeaders, Func<string, IReadOnlyList<string>> headerValues, string payloadHash)
    {
        var builder = new StringBuilder(512);
        builder.Append(method).Append('\n');
        builder.Append(SigV4Encoding.CanonicalUri(rawPath)).Append('\n');
        builder.Append(SigV4Encoding.CanonicalQuery(rawQuery)).Append('\n');
        foreach (var name in signedHeaders)
            builder.Append(name).Append(':').Append(string.Join(',', headerValues(name).Select(SigV4Encoding.CanonicalHeaderValue))).Append('\n');
        builder.Append('\n');
        builder.Append(string.Join(';', signedHeaders)).Append('\n');
        builder.Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The string to sign: algorithm, request time (<c>yyyyMMddTHHmmssZ</c>), scope and the canonical request's hash.</summary>
    public static string StringToSign(string amzDate, string scope, string canonicalRequest) =>
        $"{SigV4Authorization.Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

    /// <summary>The key derived from the secret: HMACs of the date, region, service and <c>aws4_request</c> in turn.</summary>
    public static byte[] SigningKey(string secret, string date, string region, string service)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }

    /// <summary>The signature, lower-case hex.</summary>
    public static string Sign(byte[] signingKey, string stringToSign) =>
        Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));

    /// <summary>Whether two signatures are equal, in time that does not depend on where they first differ.</summary>
    public static bool SignaturesMatch(string expected, string provided) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(provided));

    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Reads <c>X-Amz-Date</c>'s <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static bool TryParseAmzDate(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);

    public static string FormatAmzDate(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
