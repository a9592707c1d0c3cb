using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.CodeFixes;

/// <summary>
/// Fix All for <see cref="SdkPermissionCodeFix"/>, one document at a time: every unused permission removed, or every
/// missing action declared once per function (or class), with the resources of all the calls that need it.
/// A call whose function is in another document is left for the single fix, which can change that document.
/// </summary>
internal static class SdkPermissionFixAll
{
    public static FixAllProvider Instance { get; } = FixAllProvider.Create(FixDocumentAsync);

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return document;
        return context.CodeActionEquivalenceKey switch
        {
            SdkPermissionCodeFix.RemoveKey => await RemovePermission.FromAsync(document, UnusedAttributes(root, diagnostics), context.CancellationToken).ConfigureAwait(false),
            SdkPermissionCodeFix.DeclareOnMethodKey => await DeclareAsync(context, document, root, diagnostics, onClass: false).ConfigureAwait(false),
            SdkPermissionCodeFix.DeclareOnClassKey => await DeclareAsync(context, document, root, diagnostics, onClass: true).ConfigureAwait(false),
            _ => document,
        };
    }

    private static List<AttributeSyntax> UnusedAttributes(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .Where(d => d.Id == "IMP0022")
            .Select(d => root.FindNode(d.Location.SourceSpan).FirstAncestorOrSelf<AttributeSyntax>())
            .OfType<AttributeSyntax>()
            .Distinct()
            .ToList();

    private static async Task<Document> DeclareAsync(FixAllContext context, Document document, SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, bool onClass)
    {
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (model is null)
            return document;

        var byMember = new Dictionary<MemberDeclarationSyntax, List<(string Action, string Resource)>>();
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "IMP0021"))
        {
            if (diagnostic.AdditionalLocations.FirstOrDefault() is not { } location
                || location.SourceTree != root.SyntaxTree
                || !diagnostic.Properties.TryGetValue(SdkPermissionCodeFix.ActionProperty, out var action) || action is null
                || !diagnostic.Properties.TryGetValue(SdkPermissionCodeFix.ResourceProperty, out var resource) || resource is null
                || SdkPermissionCodeFix.FunctionAt(root, location) is not { } method)
            {
                continue;
            }
            MemberDeclarationSyntax? member = onClass ? method.Parent as TypeDeclarationSyntax : method;
            if (member is null)
                continue;
            if (!byMember.TryGetValue(member, out var needs))
                byMember.Add(member, needs = []);
            needs.Add((action, resource));
        }
        if (byMember.Count == 0)
            return document;

        var newLine = await DeclarePermission.NewLineAsync(document, context.CancellationToken).ConfigureAwait(false);
        var updated = root.ReplaceNodes(byMember.Keys, (original, rewritten) =>
        {
            // One attribute per action, in the order the calls need them, naming every resource they name.
            var permissions = byMember[original]
                .GroupBy(n => n.Action)
                .Select(g => new PermissionToDeclare(g.Key, g.Select(n => n.Resource).Distinct().ToList()));
            return DeclarePermission.With(rewritten, permissions, DeclarePermission.AttributeName(model, original.SpanStart), newLine);
        });
        return document.WithSyntaxRoot(updated);
    }
}
