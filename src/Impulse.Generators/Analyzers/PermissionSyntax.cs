using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Where each value of a permission attribute is written, so a diagnostic lands on the one value that is
/// wrong: a positional argument, one resource of the <c>params</c> list (written out or as an array), or a
/// named argument.
/// </summary>
internal sealed class PermissionSyntax
{
    private readonly AttributeSyntax _syntax;

    private PermissionSyntax(AttributeSyntax syntax) => _syntax = syntax;

    public static PermissionSyntax? Of(AttributeData attribute, CancellationToken cancel) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancel) is AttributeSyntax syntax ? new PermissionSyntax(syntax) : null;

    public Location Whole => _syntax.GetLocation();

    public Location Positional(int index)
    {
        var positional = _syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
        return positional is not null && index < positional.Count ? positional[index].GetLocation() : Whole;
    }

    /// <summary>The <paramref name="index"/>-th resource: an element of an array or collection argument, else the argument after the action.</summary>
    public Location Resource(int index)
    {
        var positional = _syntax.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
        if (positional is null || positional.Count < 2)
            return Whole;
        if (positional.Count == 2)
        {
            var elements = positional[1].Expression switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.Cast<SyntaxNode>().ToList(),
                ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
                CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
                _ => null,
            };
            if (elements is not null)
                return index < elements.Count ? elements[index].GetLocation() : positional[1].GetLocation();
        }
        return index + 1 < positional.Count ? positional[index + 1].GetLocation() : Whole;
    }

    /// <summary>The <c>Name = value</c> argument that sets <paramref name="property"/>'s value, else the whole attribute.</summary>
    public Location Named(string property) =>
        (_syntax.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == property)?.Expression ?? (SyntaxNode)_syntax)
            .GetLocation();
}
