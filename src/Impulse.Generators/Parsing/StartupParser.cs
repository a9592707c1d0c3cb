using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.Generators.Parsing;

/// <summary>Finds the class that implements <c>IFunctionsStartup</c>, the app's one place for services.</summary>
internal static class StartupParser
{
    /// <summary>A cheap syntax check: a class whose base list names <c>IFunctionsStartup</c>.</summary>
    public static bool MayBeStartup(SyntaxNode node, CancellationToken _) =>
        node is ClassDeclarationSyntax { BaseList: { } baseList }
        && baseList.Types.Any(t => RightmostName(t.Type) == KnownNames.StartupInterfaceName);

    public static string? Parse(GeneratorSyntaxContext context, CancellationToken cancel)
    {
        if (context.SemanticModel.GetDeclaredSymbol(context.Node, cancel) is not INamedTypeSymbol type)
            return null;
        return IsStartup(type) ? type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : null;
    }

    /// <summary>Whether the generator can call the type's <c>ConfigureServices</c>: it implements the interface and is not generic.</summary>
    public static bool IsStartup(INamedTypeSymbol type) =>
        !type.IsGenericType && type.AllInterfaces.Any(i => i.ToDisplayString() == KnownNames.FunctionsStartup);

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
