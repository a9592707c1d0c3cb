using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Impulse.CodeFixes;

/// <summary>Adds <c>[ExecutionPermission("action", "resource")]</c> on its own line after a member's other attributes.</summary>
internal static class DeclarePermission
{
    private const string AttributeMetadataName = "Impulse.ExecutionPermissionAttribute";

    public static async Task<Document> OnAsync(Document document, MemberDeclarationSyntax member, PermissionToDeclare permission, CancellationToken cancel)
    {
        var root = await document.GetSyntaxRootAsync(cancel).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancel).ConfigureAwait(false);
        if (root is null || model is null)
            return document;

        var name = AttributeName(model, member.SpanStart);
        var attribute = Attribute(
            ParseName(name),
            AttributeArgumentList(SeparatedList(new[]
            {
                AttributeArgument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(permission.Action))),
                AttributeArgument(LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(permission.Resource))),
            })));
        var text = await document.GetTextAsync(cancel).ConfigureAwait(false);
        var newLine = text.ToString().Contains("\r\n") ? CarriageReturnLineFeed : LineFeed;
        var indentation = member.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));

        var list = AttributeList(SingletonSeparatedList(attribute));
        MemberDeclarationSyntax updated;
        if (member.AttributeLists.Count > 0)
        {
            // After the last attribute list: it already ends its line, and the new one ends its own.
            list = list.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            updated = member.WithAttributeLists(member.AttributeLists.Add(list));
        }
        else
        {
            // First attribute of the member: it takes over the member's leading trivia (doc comments stay above it).
            list = list.WithLeadingTrivia(member.GetLeadingTrivia()).WithTrailingTrivia(newLine);
            updated = member.WithoutLeadingTrivia().WithLeadingTrivia(indentation).WithAttributeLists(member.AttributeLists.Add(list));
        }
        return document.WithSyntaxRoot(root.ReplaceNode(member, updated));
    }

    /// <summary><c>ExecutionPermission</c> where a using brings it in scope, else the qualified name.</summary>
    private static string AttributeName(SemanticModel model, int position)
    {
        var inScope = model.LookupNamespacesAndTypes(position, name: "ExecutionPermissionAttribute")
            .OfType<INamedTypeSymbol>()
            .Any(t => t.ToDisplayString() == AttributeMetadataName);
        return inScope ? "ExecutionPermission" : "Impulse.ExecutionPermission";
    }
}
