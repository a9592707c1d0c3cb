using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// Applies <see cref="SdkPermissionCodeFix"/> as an IDE does: the sources go into an <see cref="AdhocWorkspace"/>
/// project with the SDK references, the analyzer reports, the fix registers its actions for one diagnostic, and
/// the chosen action's changes are applied and compared with the expected source.
/// </summary>
internal static class CodeFixVerifier
{
    /// <summary>
    /// Fixes the only <paramref name="id"/> diagnostic in <paramref name="before"/> with the action titled
    /// <paramref name="title"/>, and asserts the result is <paramref name="after"/> and compiles. With
    /// <paramref name="impulseInScope"/> false, the project has no <c>global using Impulse;</c>.
    /// </summary>
    public static async Task VerifyAsync(string id, string title, string before, string after, bool impulseInScope = true, params string[] otherFiles)
    {
        using var workspace = new AdhocWorkspace();
        var document = AddProject(workspace, before, impulseInScope, otherFiles);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single((await SdkAnalyzerVerifier.DiagnosticsAsync(compilation)).Where(d => d.Id == id));

        // The IDE asks the fix from the document the diagnostic is in, which need not be the one the fix changes.
        var reportedIn = document.Project.Solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = await ActionsAsync(reportedIn, diagnostic);
        var action = actions.SingleOrDefault(a => a.Title == title);
        Assert.True(action is not null, $"No fix titled '{title}'; offered: {string.Join(", ", actions.Select(a => a.Title))}");

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        var fixedDocument = changed.GetDocument(document.Id)!;
        var text = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Equal(after.ReplaceLineEndings("\n"), text.ReplaceLineEndings("\n"));

        var fixedCompilation = (await fixedDocument.Project.GetCompilationAsync())!;
        var errors = fixedCompilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Fixed source does not compile:\n" + SdkCompilation.Describe(errors));
        var remaining = await SdkAnalyzerVerifier.DiagnosticsAsync(fixedCompilation);
        Assert.DoesNotContain(remaining, d => d.Id == id && d.GetMessage() == diagnostic.GetMessage());
    }

    /// <summary>
    /// Runs Fix All in the document for the <paramref name="id"/> diagnostics with the fix of key
    /// <paramref name="equivalenceKey"/>, and asserts the result is <paramref name="after"/> with no <paramref name="id"/> left.
    /// </summary>
    public static async Task FixAllAsync(string id, string equivalenceKey, string before, string after)
    {
        using var workspace = new AdhocWorkspace();
        var document = AddProject(workspace, before);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = (await SdkAnalyzerVerifier.DiagnosticsAsync(compilation)).Where(d => d.Id == id).ToImmutableArray();
        Assert.True(diagnostics.Length > 1, $"Fix All needs more than one {id} to show anything; found {diagnostics.Length}.");

        var fix = new SdkPermissionCodeFix();
        var context = new FixAllContext(
            document, fix, FixAllScope.Document, equivalenceKey, [id], new FixedDiagnostics(diagnostics), CancellationToken.None);
        var action = await fix.GetFixAllProvider()!.GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var fixedDocument = Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution.GetDocument(document.Id)!;
        Assert.Equal(after.ReplaceLineEndings("\n"), (await fixedDocument.GetTextAsync()).ToString().ReplaceLineEndings("\n"));

        var remaining = await SdkAnalyzerVerifier.DiagnosticsAsync((await fixedDocument.Project.GetCompilationAsync())!);
        Assert.DoesNotContain(remaining, d => d.Id == id);
    }

    /// <summary>The diagnostics Fix All works on, as the IDE hands them over.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>([]);
    }

    /// <summary>The titles of the fixes offered for the <paramref name="id"/> diagnostics of <paramref name="source"/>.</summary>
    public static async Task<ImmutableArray<string>> TitlesAsync(string id, string source)
    {
        using var workspace = new AdhocWorkspace();
        var document = AddProject(workspace, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var titles = ImmutableArray.CreateBuilder<string>();
        foreach (var diagnostic in (await SdkAnalyzerVerifier.DiagnosticsAsync(compilation)).Where(d => d.Id == id))
            titles.AddRange((await ActionsAsync(document, diagnostic)).Select(a => a.Title));
        return titles.ToImmutable();
    }

    private static async Task<List<CodeAction>> ActionsAsync(Document document, Diagnostic diagnostic)
    {
        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        var fix = new SdkPermissionCodeFix();
        Assert.Contains(diagnostic.Id, fix.FixableDiagnosticIds);
        await fix.RegisterCodeFixesAsync(context);
        return actions;
    }

    private static Document AddProject(AdhocWorkspace workspace, string source, bool impulseInScope = true, params string[] otherFiles)
    {
        var globalUsings = impulseInScope ? SdkCompilation.GlobalUsings : SdkCompilation.GlobalUsings.Replace("global using Impulse;", "", StringComparison.Ordinal);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "SdkApp",
            "SdkApp",
            LanguageNames.CSharp,
            compilationOptions: SdkCompilation.Options,
            parseOptions: SdkCompilation.ParseOptions,
            metadataReferences: SdkCompilation.References));
        var document = workspace.AddDocument(project.Id, "Functions.cs", SourceText.From(source));
        workspace.AddDocument(project.Id, "GlobalUsings.cs", SourceText.From(globalUsings));
        for (var i = 0; i < otherFiles.Length; i++)
            workspace.AddDocument(project.Id, $"Other{i}.cs", SourceText.From(otherFiles[i]));
        return workspace.CurrentSolution.GetDocument(document.Id)!;
    }
}
