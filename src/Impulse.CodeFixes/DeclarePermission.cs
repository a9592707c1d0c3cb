using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Impulse.CodeFixes;

/// <summary>Adds <c>[ExecutionPermission("action", "resource", ...)]</c>, each on its own line after a member's other attributes.</summary>
internal static class DeclarePermission
{
    private const string AttributeMetadataName = "Impulse.ExecutionPermissionAttribute";

    public static async Task<Document> OnAsync(Document document, MemberDeclarationSyntax member, PermissionToDeclare permission, CancellationToken cancel)
    {
        var root = await document.GetSyntaxRootAsync(cancel).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancel).ConfigureAwait(false);
        if (root is null || model is null)
            return document;
        var newLine = await NewLineAsync(document, cancel).ConfigureAwait(false);
        return document.WithSyntaxRoot(root.ReplaceNode(member, With(member, [permission], AttributeName(model, member.SpanStart), newLine)));
    }

    /// <summary>The end of line the document already uses, so an added line matches its neighbours.</summary>
    public static async Task<SyntaxTrivia> NewLineAsync(Document document, CancellationToken cancel)
    {
        var text = await document.GetTextAsync(cancel).ConfigureAwait(false);
        return text.ToString().Contains("\r\n") ? CarriageReturnLineFeed : LineFeed;
    }

    /// <summary><paramref name="member"/> with one attribute list per permission added after its others.</summary>
    public static MemberDeclarationSyntax With(MemberDeclarationSyntax member, IEnumerable<PermissionToDeclare> permissions, string attributeName, SyntaxTrivia newLine)
    {
        var indentation = member.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        foreach (var permission in permissions)
        {
            var arguments = new[] { permission.Action }.Concat(permission.Resources)
                .Select(value => AttributeArgument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(value))));
            var list = AttributeList(SingletonSeparatedList(Attribute(ParseName(attributeName), AttributeArgumentList(SeparatedList(arguments)))));
            if (member.AttributeLists.Count > 0)
            {
                // After the last attribute list: it already ends its line, and the new one ends its own.
                list = list.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
                member = member.WithAttributeLists(member.AttributeLists.Add(list));
            }
            else
            {
                // First attribute of the member: it takes over the member's leading trivia (doc comments stay above it).
                list = list.WithLeadingTrivia(member.GetLeadingTrivia()).WithTrailingTrivia(newLine);
                member = member.WithoutLeadingTrivia().WithLeadingTrivia(indentation).WithAttributeLists(member.AttributeLists.Add(list));
            }
        }
        return member;
    }

    /// <summary><c>ExecutionPermission</c> where a using brings it in scope, else the qualified name.</summary>
    public static string AttributeName(SemanticModel model, int position)
    {
        var inScope = model.LookupNamespacesAndTypes(position, name: "ExecutionPermissionAttribute")
            .OfType<INamedTypeSymbol>()
            .Any(t => t.ToDisplayString() == AttributeMetadataName);
        return inScope ? "ExecutionPermission" : "Impulse.ExecutionPermission";
    }
}
