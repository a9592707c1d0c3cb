using System.Linq;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// The specific half of a diagnostic message: what exactly is wrong, in words that point at the fix.
/// The decisions themselves stay in the shared parsing rules; this only explains them.
/// </summary>
internal static class FunctionMessages
{
    /// <summary>Types as a user reads them: no namespace, but with the types they are nested in.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>A name as C# would write it, so empty names and odd characters show plainly.</summary>
    public static string Quote(string? name) => name is null ? "null" : SymbolDisplay.FormatLiteral(name, quote: true);

    public static string NameProblem(string? name)
    {
        if (name is null)
            return "a function needs a name";
        if (name.Length == 0)
            return "it is empty";
        if (name.Length > FunctionRules.MaxNameLength)
            return $"it is {name.Length} characters long, more than {FunctionRules.MaxNameLength}";
        var bad = name.First(c => !FunctionRules.IsValidName(c.ToString()));
        return $"{Quote(bad.ToString())} is not allowed in a function name";
    }

    public static string GenericProblem(IMethodSymbol method)
    {
        if (method.IsGenericMethod)
            return "has type parameters";
        var type = method.ContainingType;
        // IsGenericType is also true for a type nested in a generic one; name the one that declares the parameters.
        while (type.TypeParameters.Length == 0)
            type = type.ContainingType;
        return $"is declared in the generic type '{type.ToDisplayString(TypeFormat)}'";
    }

    /// <summary>
    /// Why neither Impulse's generated JSON code nor a serializer context can handle <paramref name="type"/>:
    /// the reasons the shared <see cref="JsonTypeParser"/> gives, then what <c>[FunctionSerializer]</c> says.
    /// </summary>
    public static (string Reasons, string Context) SerializerProblem(IMethodSymbol method, ITypeSymbol type, Compilation compilation)
    {
        var parser = new JsonTypeParser(JsonOptionsParser.Parse(compilation));
        parser.Add(type);
        var reasons = parser.Issues
            .Select(i => i.MemberName is null ? $"'{i.TypeName}': {i.Reason}" : $"'{i.TypeName}.{i.MemberName}': {i.Reason}")
            .Distinct()
            .ToList();
        var reasonText = reasons.Count switch
        {
            0 => "it is not supported",
            <= MaxReasons => string.Join("; ", reasons),
            _ => string.Join("; ", reasons.Take(MaxReasons)) + $"; and {reasons.Count - MaxReasons} more",
        };

        if (HandlerInspector.SerializerContextOf(method) is not { } context)
            return (reasonText, $"no [FunctionSerializer] is declared on '{method.Name}' or its class");
        var contextName = context.ToDisplayString(TypeFormat);
        return HandlerInspector.IsSerializerContext(context)
            ? (reasonText, $"'{contextName}', named by [FunctionSerializer], does not list it")
            : (reasonText, $"'{contextName}', named by [FunctionSerializer], is not a JsonSerializerContext");
    }

    // A type with many unsupported members would otherwise make a message nobody reads to the end.
    private const int MaxReasons = 3;
}
