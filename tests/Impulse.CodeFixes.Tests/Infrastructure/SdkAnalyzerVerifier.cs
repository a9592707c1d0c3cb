using System.Collections.Concurrent;
using System.Collections.Immutable;
using Impulse.Generators.Analyzers;
using Impulse.Generators.Tests.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// Runs <see cref="SdkPermissionAnalyzer"/> over marked-up sources that use the real AWS SDK and asserts that it
/// reports exactly the marked diagnostics, and that the sources compile.
/// </summary>
internal static class SdkAnalyzerVerifier
{
    public static async Task VerifyAsync(params string[] markedSources)
    {
        var markups = markedSources.Select(TestMarkup.Parse).ToList();
        var compilation = SdkCompilation.Create(markups.Select(m => m.Source));

        var expected = markups
            .SelectMany((m, file) => m.Expected.Select(e => Describe(compilation.SyntaxTrees.ElementAt(file), e.Id, e.Span)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = (await DiagnosticsAsync(compilation))
            .Select(d => Describe(d.Location.SourceTree!, d.Id, d.Location.SourceSpan))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}");
    }

    /// <summary>The analyzer's diagnostics, after asserting that the sources compile and the analyzer did not throw.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Compilation compilation)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Test source does not compile:\n" + SdkCompilation.Describe(errors));

        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers([new SdkPermissionAnalyzer()], options).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        return [.. diagnostics.OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>The analyzer's diagnostics for unmarked sources, for tests that read a message or property.</summary>
    public static Task<ImmutableArray<Diagnostic>> ReportedAsync(params string[] sources) => DiagnosticsAsync(SdkCompilation.Create(sources));

    private static string Describe(SyntaxTree tree, string id, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var line = tree.GetLineSpan(span).StartLinePosition;
        return $"{id} {tree.FilePath}({line.Line + 1},{line.Character + 1}) '{tree.GetText().ToString(span)}'";
    }
}
