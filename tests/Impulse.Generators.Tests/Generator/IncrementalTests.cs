using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Tests;

/// <summary>Edits to a compilation re-run only the steps they should.</summary>
public sealed class IncrementalTests
{
    private const string Functions = """
        using Impulse;
        public static class Greeter
        {
            [Function("greet", MemoryMb = 256)]
            public static string Greet(string name) { return "hello " + name; }
        }
        """;

    private const string Unrelated = "public static class Helpers { public static int Twice(int x) => x * 2; }";

    [Fact]
    public void Edit_ToAnUnrelatedFile_ReRunsNoStep()
    {
        var compilation = TestCompilation.Create(Functions, Unrelated);
        var run = GeneratorRun.Of(compilation);

        var edited = Replace(compilation, 1, "public static class Helpers { public static int Thrice(int x) => x * 3; }");
        var reasons = GeneratorRun.StepReasons(run.Driver, edited);

        AssertAll(reasons, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Edit_InsideAHandlerBody_LeavesTheAppUnchanged()
    {
        var compilation = TestCompilation.Create(Functions, Unrelated);
        var run = GeneratorRun.Of(compilation);

        var edited = Replace(compilation, 0, Functions.Replace("\"hello \"", "\"hi \""));
        var reasons = GeneratorRun.StepReasons(run.Driver, edited);

        Assert.All(reasons[TrackingNames.Functions], r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
        Assert.All(reasons[TrackingNames.App], r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Edit_ToAFunctionSetting_ReGeneratesTheApp()
    {
        var compilation = TestCompilation.Create(Functions, Unrelated);
        var run = GeneratorRun.Of(compilation);

        var edited = Replace(compilation, 0, Functions.Replace("MemoryMb = 256", "MemoryMb = 512"));
        var reasons = GeneratorRun.StepReasons(run.Driver, edited);

        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.Functions]);
        Assert.Contains(IncrementalStepRunReason.Modified, reasons[TrackingNames.App]);
        Assert.Contains("512", GeneratorRun.Of(edited).Source);
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, old.FilePath));
    }

    private static void AssertAll(Dictionary<string, IncrementalStepRunReason[]> reasons, params IncrementalStepRunReason[] allowed)
    {
        foreach (var (step, outputs) in reasons)
        {
            foreach (var reason in outputs)
                Assert.True(allowed.Contains(reason), $"Step '{step}' re-ran ({reason}).");
        }
    }
}
