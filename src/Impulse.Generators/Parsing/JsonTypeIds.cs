using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>
/// Stable identifiers for types in generated method names: readable, and made unique by a hash of
/// the full name, so <c>A.B_C</c> and <c>A_B.C</c> never meet.
/// </summary>
internal static class JsonTypeIds
{
    public static string Of(ITypeSymbol type)
    {
        var full = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var readable = new StringBuilder();
        foreach (var c in type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))
            readable.Append(char.IsLetterOrDigit(c) ? c : '_');
        return readable.Append('_').Append(Fnv1a(full).ToString("x8", CultureInfo.InvariantCulture)).ToString();
    }

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash ^= c;
            hash = unchecked(hash * 16777619u);
        }
        return hash;
    }
}
