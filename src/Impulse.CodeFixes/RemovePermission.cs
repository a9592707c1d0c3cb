using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.CodeFixes;

/// <summary>Removes one attribute; when it is alone in its list, the list and its line go too.</summary>
internal static class RemovePermission
{
    public static async Task<Document> FromAsync(Document document, AttributeSyntax attribute, CancellationToken cancel)
    {
        var root = await document.GetSyntaxRootAsync(cancel).ConfigureAwait(false);
        if (root is null || attribute.Parent is not AttributeListSyntax list)
            return document;
        if (list.Attributes.Count > 1)
            return document.WithSyntaxRoot(root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!);

        // The next token takes over the list's leading trivia, so a doc comment above the list stays above the member.
        var next = list.GetLastToken().GetNextToken();
        var tracked = root.TrackNodes(list);
        tracked = tracked.ReplaceToken(tracked.GetCurrentNode(list)!.GetLastToken().GetNextToken(), next.WithLeadingTrivia(list.GetLeadingTrivia()));
        return document.WithSyntaxRoot(tracked.RemoveNode(tracked.GetCurrentNode(list)!, SyntaxRemoveOptions.KeepNoTrivia)!);
    }
}
