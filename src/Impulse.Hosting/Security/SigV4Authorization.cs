namespace Impulse.Hosting.Security;

/// <summary>
/// The parts of a Signature Version 4 <c>Authorization</c> header:
/// <c>AWS4-HMAC-SHA256 Credential=AKID/DATE/REGION/SERVICE/aws4_request, SignedHeaders=a;b, Signature=hex</c>.
/// </summary>
/// <param name="AccessKeyId">The key that signed.</param>
/// <param name="Date">The scope's date, <c>yyyyMMdd</c>.</param>
/// <param name="Region">The scope's region.</param>
/// <param name="Service">The scope's service, such as <c>lambda</c> or <c>execute-api</c>.</param>
/// <param name="Terminator">The scope's last part, <c>aws4_request</c> when well formed.</param>
/// <param name="SignedHeaders">The lower-case names of the signed headers, in the order signed.</param>
/// <param name="Signature">The signature, lower-case hex.</param>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string Date,
    string Region,
    string Service,
    string Terminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The credential scope, <c>DATE/REGION/SERVICE/aws4_request</c>, as the string to sign names it.</summary>
    public string Scope => $"{Date}/{Region}/{Service}/{Terminator}";

    /// <returns>The parts, or null with <paramref name="problem"/> saying what is missing or malformed.</returns>
    public static SigV4Authorization? Parse(string header, out string? problem)
    {
        problem = null;
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        var algorithm = space < 0 ? header : header[..space];
        if (algorithm != Algorithm)
        {
            problem = $"Unsupported AWS 'algorithm': '{algorithm}'; the local host accepts {Algorithm} (Signature Version 4) only.";
            return null;
        }

        string? credential = null, signedHeaders = null, signature = null;
        foreach (var part in header[(space + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                continue;
            var value = part[(equals + 1)..].Trim();
            switch (part[..equals].Trim())
            {
                case "Credential": credential = value; break;
                case "SignedHeaders": signedHeaders = value; break;
                case "Signature": signature = value; break;
            }
        }

        var missing = new[] { ("Credential", credential), ("SignedHeaders", signedHeaders), ("Signature", signature) }
            .Where(p => string.IsNullOrEmpty(p.Item2)).Select(p => $"Authorization header requires '{p.Item1}' parameter.").ToList();
        if (missing.Count > 0)
        {
            problem = string.Join(' ', missing) + $" Authorization={header}";
            return null;
        }

        var scope = credential!.Split('/');
        if (scope.Length != 5 || scope.Any(s => s.Length == 0))
        {
            problem = $"Credential should be 'ACCESS_KEY_ID/DATE/REGION/SERVICE/aws4_request', not '{credential}'.";
            return null;
        }

        return new SigV4Authorization(scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders!.Split(';'), signature!);
    }
}
