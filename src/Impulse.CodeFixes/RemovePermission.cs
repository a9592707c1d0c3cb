using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.CodeFixes;

/// <summary>Removes attributes; one alone in its list takes the list and its line with it.</summary>
internal static class RemovePermission
{
    public static async Task<Document> FromAsync(Document document, IReadOnlyCollection<AttributeSyntax> attributes, CancellationToken cancel)
    {
        var root = await document.GetSyntaxRootAsync(cancel).ConfigureAwait(false);
        if (root is null)
            return document;
        root = root.TrackNodes(attributes);
        foreach (var original in attributes)
        {
            if (root.GetCurrentNode(original) is { } attribute)
                root = Remove(root, attribute);
        }
        return document.WithSyntaxRoot(root);
    }

    private static SyntaxNode Remove(SyntaxNode root, AttributeSyntax attribute)
    {
        if (attribute.Parent is not AttributeListSyntax list)
            return root;
        if (list.Attributes.Count > 1)
            return root.RemoveNode(attribute, SyntaxRemoveOptions.KeepNoTrivia)!;

        // The next token takes over the list's leading trivia, so a doc comment above the list stays above the member.
        var leading = list.GetLeadingTrivia();
        var tracked = root.TrackNodes(list);
        var next = tracked.GetCurrentNode(list)!.GetLastToken().GetNextToken();
        tracked = tracked.ReplaceToken(next, next.WithLeadingTrivia(leading));
        return tracked.RemoveNode(tracked.GetCurrentNode(list)!, SyntaxRemoveOptions.KeepNoTrivia)!;
    }
}
