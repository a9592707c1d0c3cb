using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Security;

/// <summary>
/// Who may call the local host, from <c>Impulse:Auth</c>: the access keys it accepts
/// (<c>Impulse:Auth:Keys:AKID:Secret</c>, <c>:Principal</c>, optional <c>:Policy</c> and <c>:SessionToken</c>) and
/// whether it checks at all (<c>Impulse:Auth:Enforce</c>, true unless set to false).
/// Read key by key, without the reflection-based binder, so the host stays trimmable.
/// </summary>
/// <param name="Enforce">Whether Invoke API calls and IAM-auth routes must be signed and allowed.</param>
/// <param name="Keys">The accepted keys by access key id.</param>
internal sealed record AuthSettings(bool Enforce, IReadOnlyDictionary<string, AccessKey> Keys)
{
    public const string Root = "Impulse:Auth";

    /// <exception cref="FormatException">A key lacks its secret or principal, or a value is not what its setting needs.</exception>
    public static AuthSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Root);
        var enforce = section["Enforce"] switch
        {
            null or "" => true,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw new FormatException($"{Root}:Enforce must be true or false, not '{text}'."),
        };

        var keys = new Dictionary<string, AccessKey>(StringComparer.Ordinal);
        foreach (var key in section.GetSection("Keys").GetChildren())
        {
            var where = $"{Root}:Keys:{key.Key}";
            var secret = key["Secret"];
            if (string.IsNullOrEmpty(secret))
                throw new FormatException($"{where}:Secret is missing: every access key needs the secret its requests are signed with.");
            var principalText = key["Principal"];
            if (string.IsNullOrEmpty(principalText))
                throw new FormatException($"{where}:Principal is missing: name the account id or IAM ARN the key acts for, such as arn:aws:iam::123456789012:user/alice.");
            CallerPrincipal principal;
            try
            {
                principal = CallerPrincipal.Parse(principalText);
            }
            catch (FormatException e)
            {
                throw new FormatException($"{where}:Principal: {e.Message}", e);
            }

            keys[key.Key] = new AccessKey(key.Key, secret, principal, PolicyOf(key.GetSection("Policy")), NullIfEmpty(key["SessionToken"]));
        }

        return new AuthSettings(enforce, keys);
    }

    /// <summary><c>invoke-all</c>, or function names as a list or one comma-separated string; none when absent.</summary>
    private static KeyPolicy PolicyOf(IConfigurationSection policy)
    {
        var names = policy.Value is { } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : policy.GetChildren().Select(c => c.Value?.Trim()).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToArray();
        if (names.Length == 0)
            return KeyPolicy.None;
        return names.Contains(KeyPolicy.InvokeAll, StringComparer.Ordinal) ? KeyPolicy.All : KeyPolicy.Of(names);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
