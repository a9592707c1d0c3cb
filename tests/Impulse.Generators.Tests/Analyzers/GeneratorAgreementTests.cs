using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// The generator and the analyzers must agree: a function the generator skips has an error that says
/// why, and a function the analyzers accept is emitted. Each case declares one function, 'target'
/// (method <c>Target</c>), beside a valid 'anchor' function, so the generator always emits a table.
/// </summary>
public sealed class GeneratorAgreementTests
{
    private const string Context = """
        public sealed record Order(string Id);

        [JsonSerializable(typeof(Order))]
        public sealed partial class OrderJson : JsonSerializerContext;

        public static class Anchor { [Function("anchor")] public static string Handle(string text) => text; }
        """;

    public static TheoryData<string, string> Rejected => new()
    {
        { "IMP0001", """public static class A { [Function("target")] public static void Target() { } [Function("target")] public static void Other() { } }""" },
        { "IMP0002", """public static class A { [Function("target!")] public static void Target() { } }""" },
        { "IMP0003", """public static class A { [Function("target")] private static void Target() { } }""" },
        { "IMP0003", """file static class A { [Function("target")] public static void Target() { } }""" },
        { "IMP0003", """public interface I { [Function("target")] static abstract void Target(); }""" },
        { "IMP0004", """public static class A { [Function("target")] public static void Target<T>() { } }""" },
        { "IMP0005", """public static class A { [Function("target")] public static async void Target() => await Task.Yield(); }""" },
        { "IMP0006", """public static class A { [Function("target")] public static void Target(ref string text) { } }""" },
        { "IMP0007", """public static class A { [Function("target")] public static ReadOnlySpan<byte> Target() => default; }""" },
        { "IMP0008", """public static class A { [Function("target", MemoryMb = 64)] public static void Target() { } }""" },
        { "IMP0009", """public static class A { [Function("target", TimeoutSeconds = 0)] public static void Target() { } }""" },
        { "IMP0010", """public static class A { [Function("target")] public static void Target(object value) { } }""" },
        { "IMP0010", """[FunctionSerializer(typeof(OrderJson))] public static class A { [Function("target")] public static IDisposable Target() => null!; }""" },
        { "IMP0010", """[JsonSerializable(typeof(object))] public sealed class Plain; [FunctionSerializer(typeof(Plain))] public static class A { [Function("target")] public static void Target(object value) { } }""" },
        { "IMP0011", """public abstract class A { [Function("target")] public void Target() { } }""" },
        { "IMP0011", """public sealed class A { public required string Region { get; init; } [Function("target")] public void Target() { } }""" },
        { "IMP0012", """public static class A { [Function("target", Environment = ["NOT-A-KEY=1"])] public static void Target() { } }""" },
        { "IMP0014", """public static class A { public static void Run() { [Function("target")] static void Target() { } Target(); } }""" },
    };

    public static TheoryData<string> Accepted => new()
    {
        """public static class A { [Function("target")] public static void Target() { } }""",
        """[FunctionSerializer(typeof(OrderJson))] public sealed class A { [Function("target", Environment = ["TABLE=orders"])] public Task<Order> Target(CancellationToken c, Order o) => Task.FromResult(o); }""",
        """public static class A { [Function("target")] public static ValueTask<JsonElement> Target(JsonElement e, FunctionContext c) => new(e); }""",
        """public static class A { [Function("target")] public static Order Target(Order o) => o; }""",
        """public sealed class A { public required string Region { get; init; } [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public A() => Region = "x"; [Function("target")] public void Target() { } }""",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Generate_ForFunctionTheAnalyzersAccept_EmitsIt(string source)
    {
        var (generated, reported) = await RunBothAsync(source);

        Assert.Empty(reported);
        Assert.Contains(".Target(", generated, StringComparison.Ordinal);
        Assert.Contains("\"target\"", generated, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Generate_ForFunctionTheAnalyzersReject_EmitsNothingForIt(string expectedId, string source)
    {
        var (generated, reported) = await RunBothAsync(source);

        Assert.Contains(expectedId, reported);
        Assert.Contains("\"anchor\"", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("Target(", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("\"target\"", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_WithTwoStartups_CallsNeitherWhileTheAnalyzerReportsBoth()
    {
        var (generated, reported) = await RunBothAsync("""
            using Microsoft.Extensions.DependencyInjection;
            public sealed class First : IFunctionsStartup { public static void ConfigureServices(IServiceCollection services) { } }
            public sealed class Second : IFunctionsStartup { public static void ConfigureServices(IServiceCollection services) { } }
            public interface IClock;
            public sealed class A(IClock clock) { [Function("target")] public void Target() { } }
            """);

        Assert.Equal(["IMP0013", "IMP0013"], reported);
        Assert.Contains("CreateServices()", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("ConfigureServices(", generated, StringComparison.Ordinal);
    }

    /// <summary>All generated text for <paramref name="source"/>, and the ids the analyzers report for it.</summary>
    private static async Task<(string Generated, IReadOnlyList<string> Reported)> RunBothAsync(string source)
    {
        var compilation = TestCompilation.Create(OutputKind.DynamicallyLinkedLibrary, Context, source, AnalyzerVerifier.GlobalUsings);
        var generated = TestCompilation.Driver().RunGenerators(compilation).GetRunResult().GeneratedTrees;
        var diagnostics = await AnalyzerVerifier.DiagnosticsAsync(compilation);
        return (
            string.Join("\n", generated.Select(tree => tree.ToString())),
            diagnostics.Where(d => d.Id.StartsWith("IMP", StringComparison.Ordinal)).Select(d => d.Id).ToList());
    }
}
