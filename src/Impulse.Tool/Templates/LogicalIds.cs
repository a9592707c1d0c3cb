using System.Security.Cryptography;
using System.Text;

namespace Impulse.Tool.Templates;

/// <summary>
/// Hands out CloudFormation logical ids: alphanumeric, at most 255 characters, unique in the template.
/// Ids come from names (<c>create-order</c> → <c>CreateOrderFunction</c>); two names that read the same once
/// punctuation is gone get a suffix from a hash of the full name, so an id never depends on what else is in the app.
/// </summary>
internal sealed class LogicalIds
{
    private const int MaxLength = 255;
    private const int HashLength = 8;
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);

    /// <summary>Takes <paramref name="stem"/> (already alphanumeric) for <paramref name="owner"/>, or a hashed variant if taken.</summary>
    public string Allocate(string stem, string owner)
    {
        var id = Fit(stem, 0);
        if (_owners.TryAdd(id, owner))
            return id;

        var hash = HashOf(owner);
        for (var attempt = 0; ; attempt++)
        {
            var suffix = attempt == 0 ? hash : $"{hash}{attempt}";
            id = Fit(stem, suffix.Length) + suffix;
            if (_owners.TryAdd(id, owner))
                return id;
        }
    }

    /// <summary>Claims an id that SAM itself generates (a role, an alias, an event source), so nothing else takes it.</summary>
    /// <exception cref="SamTemplateException">The id is already taken: SAM's resource and ours would clash.</exception>
    public void Reserve(string id, string owner)
    {
        if (!_owners.TryAdd(id, owner))
            throw new SamTemplateException($"SAM would generate the resource '{id}' for {owner}, but that logical id is already {_owners[id]}; rename one of them.");
    }

    /// <summary>The name in PascalCase with everything but ASCII letters and digits removed: <c>ship_order.v2</c> → <c>ShipOrderV2</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startOfWord = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                startOfWord = true;
                continue;
            }
            builder.Append(startOfWord ? char.ToUpperInvariant(c) : c);
            startOfWord = false;
        }
        return builder.ToString();
    }

    private static string Fit(string stem, int reserve) =>
        stem.Length + reserve <= MaxLength ? stem : stem[..(MaxLength - reserve)];

    private static string HashOf(string owner) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(owner)))[..HashLength];
}
