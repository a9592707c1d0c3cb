using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Impulse.Generators.Permissions;

/// <summary>
/// Names of the EventBridge rules behind <c>EventBridge</c> and <c>Schedule</c> triggers. Derived from the
/// function's name alone, so the invoke permission's source ARN, the manifest and the deployed rule agree.
/// </summary>
internal static class EventRuleNames
{
    // EventBridge allows 64 characters: letters, digits, '.', '-' and '_', which function names already are.
    private const int MaxLength = 64;

    /// <summary>
    /// The rule for the <paramref name="ordinal"/>-th (1-based) trigger of <paramref name="source"/> kind on the function:
    /// <c>nightly-report-schedule</c>, then <c>nightly-report-schedule-2</c>.
    /// </summary>
    public static string For(string functionName, string source, int ordinal)
    {
        var suffix = "-" + source.ToLowerInvariant() + (ordinal > 1 ? "-" + ordinal.ToString(CultureInfo.InvariantCulture) : string.Empty);
        if (functionName.Length + suffix.Length <= MaxLength)
            return functionName + suffix;

        // A long name keeps a hash of all of it, so two long names that share a prefix still get two rules.
        var hash = Hash(functionName);
        return functionName.Substring(0, MaxLength - suffix.Length - hash.Length - 1) + "-" + hash + suffix;
    }

    /// <summary>The rule of each trigger in <paramref name="triggers"/>, or null for a trigger that has none.</summary>
    public static List<string?> ForTriggers(string functionName, IEnumerable<(string Kind, string Source)> triggers)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<string?>();
        foreach (var (kind, source) in triggers)
        {
            if (kind != "push" || source is not ("eventBridge" or "schedule"))
            {
                rules.Add(null);
                continue;
            }
            counts[source] = counts.TryGetValue(source, out var count) ? count + 1 : 1;
            rules.Add(For(functionName, source, counts[source]));
        }
        return rules;
    }

    private static string Hash(string text)
    {
        using var sha = SHA256.Create();
        var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        var hex = new StringBuilder(8);
        for (var i = 0; i < 4; i++)
            hex.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        return hex.ToString();
    }
}
