using System.Collections.Concurrent;
using System.Collections.Immutable;
using Impulse.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// Runs Impulse's analyzers over marked-up sources and asserts that they report exactly the marked
/// diagnostics, and that the compiler reports no error that is not marked. Built on
/// <see cref="CompilationWithAnalyzers"/> rather than Microsoft's testing packages, which download
/// reference packs at test time.
/// </summary>
internal static class AnalyzerVerifier
{
    /// <summary>Usings every test source may rely on, added as one more file.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Text.Json;
        global using System.Text.Json.Serialization;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Impulse;
        """;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
    [
        new FunctionAnalyzer(),
        new FunctionTargetAnalyzer(),
        new DuplicateFunctionNameAnalyzer(),
        new StartupAnalyzer(),
        new TriggerAnalyzer(),
        new SdkPermissionAnalyzer(),
        new PermissionAnalyzer(),
        new BuildPropertyAnalyzer(),
    ];

    /// <summary>Asserts that the only diagnostics are the ones marked with <c>{|ID:span|}</c>; with no markup, that there are none.</summary>
    public static async Task VerifyAsync(params string[] markedSources)
    {
        var markups = markedSources.Select(TestMarkup.Parse).ToList();
        var compilation = Compile(markups.Select(m => m.Source));

        var expected = markups
            .SelectMany((m, file) => m.Expected.Select(e => Describe(compilation.SyntaxTrees.ElementAt(file), e.Id, e.Span)))
            .Order(StringComparer.Ordinal)
            .ToList();
        var actual = (await DiagnosticsAsync(compilation))
            .Where(d => d.Id.StartsWith("IMP", StringComparison.Ordinal) || d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.Location.SourceTree is { } tree ? Describe(tree, d.Id, d.Location.SourceSpan) : $"{d.Id} (no location) {d.GetMessage()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            expected.SequenceEqual(actual),
            $"Expected:\n  {string.Join("\n  ", expected)}\nActual:\n  {string.Join("\n  ", actual)}");
    }

    /// <summary>The Impulse diagnostics for <paramref name="sources"/>, for tests that check a message.</summary>
    public static Task<ImmutableArray<Diagnostic>> ReportedAsync(params string[] sources) => ReportedAsync(null, sources);

    /// <summary>The Impulse diagnostics for <paramref name="sources"/> built with <paramref name="buildProperties"/>.</summary>
    public static async Task<ImmutableArray<Diagnostic>> ReportedAsync(AnalyzerConfigOptionsProvider? buildProperties, params string[] sources)
    {
        var diagnostics = await DiagnosticsAsync(Compile(sources), buildProperties);
        return [.. diagnostics.Where(d => d.Id.StartsWith("IMP", StringComparison.Ordinal)).OrderBy(d => d.Location.SourceSpan.Start)];
    }

    /// <summary>
    /// A class library (so tests need no Main) after the generators ran, as in a real build: serializer
    /// contexts get their System.Text.Json half, and code the analyzers accept must compile with
    /// Impulse's generated code.
    /// </summary>
    public static Compilation Compile(IEnumerable<string> sources)
    {
        var compilation = TestCompilation.Create(OutputKind.DynamicallyLinkedLibrary, [.. sources, GlobalUsings]);
        TestCompilation.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generatorErrors = generatorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(generatorErrors.Count == 0, TestCompilation.Describe(generatorErrors));
        return output;
    }

    /// <summary>Compiler diagnostics and analyzer diagnostics together; an analyzer that throws fails the test.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Compilation compilation, AnalyzerConfigOptionsProvider? buildProperties = null)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            buildProperties is null ? new AnalyzerOptions([]) : new AnalyzerOptions([], buildProperties),
            onAnalyzerException: (exception, analyzer, _) => exceptions.Enqueue($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var analyzerDiagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.IsEmpty, string.Join("\n", exceptions));
        return [.. compilation.GetDiagnostics(), .. analyzerDiagnostics];
    }

    private static string Describe(SyntaxTree tree, string id, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var line = tree.GetLineSpan(span).StartLinePosition;
        return $"{id} {tree.FilePath}({line.Line + 1},{line.Character + 1}) [{span.Start}..{span.End}) '{tree.GetText().ToString(span)}'";
    }
}
