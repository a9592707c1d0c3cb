using System;
using System.Collections.Generic;
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

    // Lambda sets these itself and rejects a configuration that tries to
    // (https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-runtime);
    // the local host reads AWS_LAMBDA_RUNTIME_API to choose its mode, so overriding it would also break that.
    private static readonly HashSet<string> ReservedEnvironmentKeys = new(StringComparer.Ordinal)
    {
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
        "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME",
        "AWS_LAMBDA_RUNTIME_API", "AWS_REGION", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT",
    };

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

    /// <summary>
    /// What is wrong with each <c>KEY=VALUE</c> entry, in order; empty when all are valid. Keys follow
    /// Lambda's pattern <c>[a-zA-Z]([a-zA-Z0-9_])+</c>, are not reserved and appear once.
    /// </summary>
    public static List<string> EnvironmentProblems(IReadOnlyList<string> entries)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var split = entry.IndexOf('=');
            if (split < 0)
            {
                problems.Add($"'{entry}' is not of the form KEY=VALUE");
                continue;
            }
            var key = entry.Substring(0, split);
            if (!IsValidEnvironmentKey(key))
                problems.Add($"the key '{key}' must start with a letter and be at least two letters, digits or underscores");
            else if (ReservedEnvironmentKeys.Contains(key))
                problems.Add($"the key '{key}' is reserved: Lambda sets it for every function");
            else if (!seen.Add(key))
                problems.Add($"the key '{key}' is set more than once");
        }
        return problems;
    }

    private static bool IsValidEnvironmentKey(string key)
    {
        if (key.Length < 2 || !IsAsciiLetter(key[0]))
            return false;
        foreach (var c in key)
        {
            if (!IsAsciiLetter(c) && c is not (>= '0' and <= '9' or '_'))
                return false;
        }
        return true;
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>Generated code in the same assembly must reach the method and every type around it.</summary>
    public static bool IsReachable(IMethodSymbol method) => UnreachableReason(method) is null;

    /// <summary>Why generated code, in another file of the same assembly, cannot call the method; null when it can.</summary>
    public static string? UnreachableReason(IMethodSymbol method)
    {
        if (!IsReachable(method.DeclaredAccessibility))
            return $"the method is {Describe(method.DeclaredAccessibility)}; make it public or internal";
        // A static abstract or virtual interface member can only be called through a type parameter (CS8926).
        if (method.IsStatic && (method.IsAbstract || method.IsVirtual) && method.ContainingType.TypeKind == TypeKind.Interface)
            return "a static abstract or virtual interface member cannot be called through its interface; put the handler in a class";
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            if (!IsReachable(type.DeclaredAccessibility))
                return $"its containing type '{type.Name}' is {Describe(type.DeclaredAccessibility)}; make it public or internal";
            if (type.IsFileLocal)
                return $"its containing type '{type.Name}' is file-local, so no other file can name it; remove the 'file' modifier";
        }
        return null;
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

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => accessibility.ToString().ToLowerInvariant(),
    };
}
