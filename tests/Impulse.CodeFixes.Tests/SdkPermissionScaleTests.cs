using System.Diagnostics;
using System.Text;
using Impulse.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// A project of many files and helper chains: the analyzer finds every undeclared call through the chains, and
/// its own execution time (Roslyn's telemetry, not the compiler's) is reported so a regression shows.
/// </summary>
public sealed class SdkPermissionScaleTests(ITestOutputHelper output)
{
    private const int Functions = 200;
    private const int ChainLength = 6;

    [Fact]
    public async Task ManyFunctionsWithHelperChains_ReportsEachUndeclaredCallWithinSeconds()
    {
        var compilation = SdkCompilation.Create(Enumerable.Range(0, Functions).Select(Source));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
        var analyzer = new SdkPermissionAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers([analyzer], options);
        var clock = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        clock.Stop();
        var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);

        var methods = Functions * (ChainLength + 1);
        output.WriteLine($"{Functions} functions, {methods} methods in {Functions} files: analyzer time {telemetry.ExecutionTime.TotalMilliseconds:F0} ms, " +
            $"whole analysis (binding included) {clock.ElapsedMilliseconds} ms, {diagnostics.Length} diagnostics.");
        // Odd functions declare s3:GetObject; even ones do not, and each has its own chain ending in one call.
        Assert.Equal(Functions / 2, diagnostics.Count(d => d.Id == "IMP0021"));
        Assert.Equal(0, diagnostics.Count(d => d.Id == "IMP0022"));
        Assert.True(telemetry.ExecutionTime < TimeSpan.FromSeconds(10), $"Analyzer took {telemetry.ExecutionTime}.");
    }

    /// <summary>One file: a function and a chain of helpers, each a method of its own class, the last one calling S3.</summary>
    private static string Source(int index)
    {
        var source = new StringBuilder();
        var declare = index % 2 == 1 ? "[ExecutionPermission(\"s3:GetObject\", \"arn:aws:s3:::photos/*\")]" : "";
        source.AppendLine($$"""
            public sealed class Function{{index}}(IAmazonS3 s3)
            {
                [Function("f{{index}}")]
                {{declare}}
                public Task Run(string key) => Helper{{index}}_0.Step(s3, key);
            }
            """);
        for (var step = 0; step < ChainLength; step++)
        {
            var body = step == ChainLength - 1 ? "s3.GetObjectAsync(\"photos\", key)" : $"Helper{index}_{step + 1}.Step(s3, key)";
            source.AppendLine($$"""
                public static class Helper{{index}}_{{step}}
                {
                    public static Task Step(IAmazonS3 s3, string key) => {{body}};
                }
                """);
        }
        return source.ToString();
    }
}
