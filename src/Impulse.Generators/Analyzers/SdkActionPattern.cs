using System;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Whether a declared IAM action covers a needed one. IAM compares actions ignoring case, and a declared
/// action may use <c>*</c> (any run of characters) and <c>?</c> (one character): <c>s3:Get*</c>, <c>s3:*</c>, <c>*</c>.
/// </summary>
internal static class SdkActionPattern
{
    public static bool Covers(string declared, string needed) => Matches(declared, 0, needed, 0);

    private static bool Matches(string pattern, int p, string text, int t)
    {
        while (p < pattern.Length)
        {
            var c = pattern[p];
            if (c == '*')
            {
                // Runs of * match what one does; then try every split of the rest.
                while (p < pattern.Length && pattern[p] == '*')
                    p++;
                if (p == pattern.Length)
                    return true;
                for (var rest = t; rest <= text.Length; rest++)
                {
                    if (Matches(pattern, p, text, rest))
                        return true;
                }
                return false;
            }
            if (t == text.Length || (c != '?' && char.ToUpperInvariant(c) != char.ToUpperInvariant(text[t])))
                return false;
            p++;
            t++;
        }
        return t == text.Length;
    }
}
