using System.Security.Cryptography;
using Impulse.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Security;

/// <summary>The key that signed a request, or why the request was refused.</summary>
internal readonly record struct Authentication(AccessKey? Key, Refusal? Refusal);

/// <summary>
/// Verifies a request's Signature Version 4 <c>Authorization</c> header against the configured keys: the scope
/// names this host's region and the expected service, the request time is within five minutes of the host's clock,
/// and the signature recomputed from the request as it arrived (path, query, signed headers and the body read) matches.
/// </summary>
internal sealed class RequestAuthenticator(AuthSettings settings, string region, TimeProvider time)
{
    /// <summary>How far a request's time may be from the host's clock, as AWS allows.</summary>
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    private const string SignatureMismatch =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private const string InvalidToken = "The security token included in the request is invalid.";

    public Authentication Authenticate(HttpRequest request, RawRequestTarget target, ReadOnlySpan<byte> body, string service)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return Refuse(Refusal.MissingAuthenticationToken,
                "Missing Authentication Token. The local host takes requests signed with AWS Signature Version 4 by a key in Impulse:Auth:Keys (see docs/local-host.md).");
        }

        var authorization = SigV4Authorization.Parse(header, out var problem);
        if (authorization is null)
            return Refuse(Refusal.IncompleteSignature, problem!);
        if (!authorization.SignedHeaders.Contains("host", StringComparer.Ordinal))
            return Refuse(Refusal.IncompleteSignature, "'Host' must be a 'SignedHeader' in the AWS Authorization.");

        if (!settings.Keys.TryGetValue(authorization.AccessKeyId, out var key))
            return Refuse(Refusal.UnrecognizedClient, InvalidToken);
        var token = request.Headers["X-Amz-Security-Token"].ToString();
        if (token != (key.SessionToken ?? ""))
            return Refuse(Refusal.UnrecognizedClient, InvalidToken);

        if (RequestTime(request, out var amzDate) is not { } signedAt)
        {
            return Refuse(Refusal.IncompleteSignature,
                "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header in the form yyyyMMddTHHmmssZ.");
        }

        if (ScopeProblem(authorization, signedAt, amzDate, service) is { } scopeProblem)
            return Refuse(Refusal.InvalidSignature, scopeProblem);

        var now = time.GetUtcNow();
        if (signedAt < now - AllowedSkew)
        {
            return Refuse(Refusal.InvalidSignature,
                $"Signature expired: {amzDate} is now earlier than {SigV4Signature.FormatAmzDate(now - AllowedSkew)} ({SigV4Signature.FormatAmzDate(now)} - 5 min.)");
        }

        if (signedAt > now + AllowedSkew)
        {
            return Refuse(Refusal.InvalidSignature,
                $"Signature not yet current: {amzDate} is still later than {SigV4Signature.FormatAmzDate(now + AllowedSkew)} ({SigV4Signature.FormatAmzDate(now)} + 5 min.)");
        }

        // Services other than S3 sign the body's hash; a header that claims another hash cannot be the body's.
        var payloadHash = SigV4Signature.Hex(SHA256.HashData(body));
        var claimed = request.Headers["X-Amz-Content-Sha256"].ToString();
        if (claimed.Length > 0 && !string.Equals(claimed, payloadHash, StringComparison.OrdinalIgnoreCase))
            return Refuse(Refusal.InvalidSignature, "The provided 'x-amz-content-sha256' header does not match what was computed.");

        var canonical = SigV4Signature.CanonicalRequest(request.Method, target.Path, target.Query, authorization.SignedHeaders, name => HeaderValues(request, name), payloadHash);
        var stringToSign = SigV4Signature.StringToSign(amzDate, authorization.Scope, canonical);
        var expected = SigV4Signature.Sign(SigV4Signature.SigningKey(key.Secret, authorization.Date, authorization.Region, authorization.Service), stringToSign);
        return SigV4Signature.SignaturesMatch(expected, authorization.Signature)
            ? new Authentication(key, null)
            : Refuse(Refusal.InvalidSignature, SignatureMismatch);
    }

    private string? ScopeProblem(SigV4Authorization authorization, DateTimeOffset signedAt, string amzDate, string service)
    {
        var day = signedAt.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        if (authorization.Date != day)
            return $"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{authorization.Date}' != '{day}', from '{amzDate}'.";
        if (authorization.Region != region)
            return $"Credential should be scoped to a valid region: this host's region is '{region}' (Impulse:Region), not '{authorization.Region}'.";
        if (authorization.Service != service)
            return $"Credential should be scoped to correct service: '{service}', not '{authorization.Service}'.";
        if (authorization.Terminator != "aws4_request")
            return $"Credential should be scoped with a valid terminator: 'aws4_request', not '{authorization.Terminator}'.";
        return null;
    }

    /// <summary>The request's time from <c>X-Amz-Date</c>, else from <c>Date</c>; null when neither reads.</summary>
    private static DateTimeOffset? RequestTime(HttpRequest request, out string amzDate)
    {
        amzDate = request.Headers["X-Amz-Date"].ToString();
        if (amzDate.Length > 0)
            return SigV4Signature.TryParseAmzDate(amzDate, out var parsed) ? parsed : null;
        if (DateTimeOffset.TryParseExact(request.Headers.Date.ToString(), "r", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            amzDate = SigV4Signature.FormatAmzDate(date);
            return date;
        }

        return null;
    }

    private static IReadOnlyList<string> HeaderValues(HttpRequest request, string name)
    {
        var values = request.Headers[name];
        return values.Count == 0 ? [""] : values.Select(v => v ?? "").ToArray();
    }

    private static Authentication Refuse(string errorType, string message) => new(null, new Refusal(errorType, message));
}
