using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// A <c>[Function]</c> method as the generator sees it: one attribute on a method declaration.
/// Knows where in that declaration each part of a problem is, so diagnostics land on the exact syntax.
/// </summary>
internal sealed class FunctionDeclaration
{
    private FunctionDeclaration(IMethodSymbol method, AttributeData attribute, AttributeSyntax syntax, MethodDeclarationSyntax declaration)
    {
        Method = method;
        Attribute = attribute;
        Syntax = syntax;
        Declaration = declaration;
    }

    public IMethodSymbol Method { get; }
    public AttributeData Attribute { get; }
    public AttributeSyntax Syntax { get; }
    public MethodDeclarationSyntax Declaration { get; }

    /// <summary><c>Type.Method</c>, as messages name a handler.</summary>
    public string DisplayName => Method.ContainingType.ToDisplayString(FunctionMessages.TypeFormat) + "." + Method.Name;

    /// <summary>
    /// The function <paramref name="method"/> declares, or null when it declares none the generator would read:
    /// no <c>[Function]</c>, an attribute the compiler already rejects, or one on something other than a
    /// method declaration (<see cref="FunctionTargetAnalyzer"/> reports that).
    /// </summary>
    public static FunctionDeclaration? Find(IMethodSymbol method, INamedTypeSymbol functionAttribute, CancellationToken cancel)
    {
        // A partial method's two parts share one attribute list; the definition part speaks for both.
        if (method.PartialDefinitionPart is not null)
            return null;
        var attributes = method.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, functionAttribute))
            .ToList();
        // Two [Function] attributes are CS0579, and an attribute that does not bind is a compiler error too.
        if (attributes.Count != 1 || attributes[0].AttributeConstructor is null)
            return null;
        var attribute = attributes[0];
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancel) is not AttributeSyntax syntax
            || syntax.Parent?.Parent is not MethodDeclarationSyntax declaration)
        {
            return null;
        }
        return new FunctionDeclaration(method, attribute, syntax, declaration);
    }

    public Location NameLocation =>
        (Syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null) ?? (SyntaxNode)Syntax).GetLocation();

    public Location IdentifierLocation => Declaration.Identifier.GetLocation();

    public Location ReturnTypeLocation => Declaration.ReturnType.GetLocation();

    /// <summary>The <c>Name = value</c> argument that sets <paramref name="property"/>, else the whole attribute.</summary>
    public Location NamedArgumentLocation(string property) =>
        (Syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == property) ?? (SyntaxNode)Syntax)
            .GetLocation();

    public Location ParameterLocation(int index) => (ParameterSyntax(index) ?? (SyntaxNode)Declaration.ParameterList).GetLocation();

    public Location ParameterTypeLocation(int index) =>
        (ParameterSyntax(index)?.Type ?? (SyntaxNode?)ParameterSyntax(index) ?? Declaration.ParameterList).GetLocation();

    private ParameterSyntax? ParameterSyntax(int index)
    {
        var parameters = Declaration.ParameterList.Parameters;
        return index >= 0 && index < parameters.Count ? parameters[index] : null;
    }
}
