using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.CodeFixes;

/// <summary>
/// Fixes what <c>SdkPermissionAnalyzer</c> reports: IMP0021 by declaring the missing action on the function
/// (or on its class), IMP0022 by removing the unused declaration.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(SdkPermissionCodeFix)), Shared]
public sealed class SdkPermissionCodeFix : CodeFixProvider
{
    private const string UndeclaredPermission = "IMP0021";
    private const string UnusedPermission = "IMP0022";

    // The analyzer's diagnostic properties; the analyzer assembly is not referenced, so the names are repeated here.
    internal const string ActionProperty = "Action";
    internal const string ResourceProperty = "Resource";

    // One key per kind of fix, not per action, so Fix All declares every missing action at once.
    internal const string DeclareOnMethodKey = UndeclaredPermission + ".Method";
    internal const string DeclareOnClassKey = UndeclaredPermission + ".Class";
    internal const string RemoveKey = UnusedPermission + ".Remove";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = [UndeclaredPermission, UnusedPermission];

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => SdkPermissionFixAll.Instance;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Id == UndeclaredPermission)
                await RegisterDeclareAsync(context, diagnostic).ConfigureAwait(false);
            else if (diagnostic.Id == UnusedPermission)
                await RegisterRemoveAsync(context, diagnostic).ConfigureAwait(false);
        }
    }

    private static async Task RegisterDeclareAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(ActionProperty, out var action) || action is null
            || !diagnostic.Properties.TryGetValue(ResourceProperty, out var resource) || resource is null
            || diagnostic.AdditionalLocations.FirstOrDefault() is not { SourceTree: { } functionTree } functionLocation)
        {
            return;
        }
        // The function may be in another file than the SDK call (a helper's call is reported where it is).
        var document = context.Document.Project.Solution.GetDocument(functionTree);
        if (document is null)
            return;
        var root = await functionTree.GetRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (FunctionAt(root, functionLocation) is not { } method)
            return;

        var permission = new PermissionToDeclare(action, [resource]);
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Declare {action} on '{method.Identifier.ValueText}'",
                cancel => DeclarePermission.OnAsync(document, method, permission, cancel),
                equivalenceKey: DeclareOnMethodKey),
            diagnostic);
        if (method.Parent is TypeDeclarationSyntax type)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Declare {action} on class '{type.Identifier.ValueText}'",
                    cancel => DeclarePermission.OnAsync(document, type, permission, cancel),
                    equivalenceKey: DeclareOnClassKey),
                diagnostic);
        }
    }

    /// <summary>The method declaration of the function a diagnostic's additional location names.</summary>
    internal static MethodDeclarationSyntax? FunctionAt(SyntaxNode root, Location functionLocation) =>
        root.FindToken(functionLocation.SourceSpan.Start).Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();

    private static async Task RegisterRemoveAsync(CodeFixContext context, Diagnostic diagnostic)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(diagnostic.Location.SourceSpan) is not { } node || node.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute)
            return;
        context.RegisterCodeFix(
            CodeAction.Create(
                "Remove the unused permission",
                cancel => RemovePermission.FromAsync(context.Document, [attribute], cancel),
                equivalenceKey: RemoveKey),
            diagnostic);
    }
}
