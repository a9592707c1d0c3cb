namespace Impulse.Generators.Parsing;

/// <summary>The instruction sets Lambda runs, as the <c>ImpulseArchitecture</c> build property names them.</summary>
internal static class Architectures
{
    public const string Property = "build_property.ImpulseArchitecture";
    public const string X86 = "x86_64";
    public const string Arm = "arm64";

    /// <summary>Lambda's name for <paramref name="value"/>; the default when it is empty; null when Lambda has no such architecture.</summary>
    public static string? Parse(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
            return X86;
        if (string.Equals(trimmed, X86, System.StringComparison.OrdinalIgnoreCase))
            return X86;
        if (string.Equals(trimmed, Arm, System.StringComparison.OrdinalIgnoreCase))
            return Arm;
        return null;
    }
}
