using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests;

public sealed class DispatchTableTests
{
    [Fact]
    public void Generate_ForEveryHandlerShape_MatchesApprovedBaseline()
    {
        var run = GeneratorRun.Of(Sources.ShapesApp);

        Baseline.AssertMatches("ShapesApp.g.cs.txt", run.Source!);
    }

    [Fact]
    public void Generate_WithNoFunctions_EmitsNothing()
    {
        var run = GeneratorRun.Of("namespace Empty; public static class Program { public static void Main() { } }");

        Assert.Null(run.Source);
    }

    [Fact]
    public void Generate_ForClassLibrary_EmitsTableWithoutEntryPoint()
    {
        var compilation = TestCompilation.Create(OutputKind.DynamicallyLinkedLibrary, Sources.ShapesApp);

        var run = GeneratorRun.Of(compilation);

        Assert.Contains("class ImpulseFunctionApplication", run.Source);
        Assert.DoesNotContain("ImpulseProgram", run.Source);
    }

    [Fact]
    public void Generate_WhenProjectOptsOutOfEntryPoint_EmitsTableWithoutEntryPoint()
    {
        var options = new TestOptions(("build_property.ImpulseGenerateEntryPoint", "false"));
        var compilation = TestCompilation.Create(Sources.ShapesApp, "public static class Program { public static void Main() { } }");

        var run = GeneratorRun.Of(compilation, TestCompilation.Driver(options));

        Assert.DoesNotContain("ImpulseProgram", run.Source);
        Assert.Equal("Program", run.Output.GetEntryPoint(default)!.ContainingType.Name);
    }

    [Fact]
    public void Generate_ForExecutable_EmitsTheEntryPoint()
    {
        var run = GeneratorRun.Of(Sources.ShapesApp);

        var entry = run.Output.GetEntryPoint(default);
        Assert.Equal("ImpulseProgram", entry!.ContainingType.Name);
    }

    [Fact]
    public void Generate_WithDuplicateNames_EmitsNeitherFunction()
    {
        var run = GeneratorRun.Of("""
            using Impulse;
            public static class A
            {
                [Function("same")] public static string One(string s) => s;
                [Function("same")] public static string Two(string s) => s;
                [Function("other")] public static string Three(string s) => s;
            }
            """);

        Assert.DoesNotContain("\"same\"", run.Source);
        Assert.Contains("\"other\" => s_functions[0]", run.Source);
    }

    [Fact]
    public void Generate_TableIsOrderedOrdinallyByName()
    {
        var run = GeneratorRun.Of("""
            using Impulse;
            public static class A
            {
                [Function("b")] public static string B(string s) => s;
                [Function("B")] public static string UpperB(string s) => s;
                [Function("a")] public static string LowerA(string s) => s;
            }
            """);

        var app = LoadedApp.Application(run.Output);
        Assert.Equal(["B", "a", "b"], app.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Find_ForEveryFunctionAndAnUnknownName_ReturnsItsInvokerOrNull()
    {
        var app = LoadedApp.Application(GeneratorRun.Of(Sources.ShapesApp).Output);

        foreach (var function in app.Functions)
            Assert.Same(function, app.Find(function.Name));
        Assert.Null(app.Find("missing"));
        Assert.Null(app.Find("Echo"));
    }

    [Fact]
    public void Generate_CarriesNameMemoryAndTimeoutIntoInvokers()
    {
        var app = LoadedApp.Application(GeneratorRun.Of(Sources.ShapesApp).Output);

        var price = app.Find("price")!;
        Assert.Equal((256, 10), (price.MemoryMb, price.TimeoutSeconds));
        var echo = app.Find("echo")!;
        Assert.Equal((128, 3), (echo.MemoryMb, echo.TimeoutSeconds));
    }
}
