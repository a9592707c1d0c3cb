using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>The limits AWS Lambda puts on a function's configuration.</summary>
internal static class FunctionRules
{
    public const int MinMemoryMb = 128;
    public const int MaxMemoryMb = 10240;
    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 900;
    public const int MaxNameLength = 64;

    public const int DefaultMemoryMb = 128;
    public const int DefaultTimeoutSeconds = 3;

    /// <summary>AWS's rule for a function name: 1–64 letters, digits, hyphens or underscores.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > MaxNameLength)
            return false;
        foreach (var c in name)
        {
            var ok = c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_';
            if (!ok)
                return false;
        }
        return true;
    }

    /// <summary>Generated code in the same assembly must reach the method and every type around it.</summary>
    public static bool IsReachable(IMethodSymbol method)
    {
        if (!IsReachable(method.DeclaredAccessibility))
            return false;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsReachable(type.DeclaredAccessibility))
                return false;
        }
        return true;
    }

    public static bool IsGenericOrInGeneric(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
            return true;
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (type.IsGenericType)
                return true;
        }
        return false;
    }

    private static bool IsReachable(Accessibility accessibility) =>
        accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
}
