namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0006 (unsupported parameter) and IMP0007 (unsupported return type).</summary>
public sealed class HandlerSignatureTests
{
    [Fact]
    public Task Analyze_OneOfEachParameterByValue_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        [JsonSerializable(typeof(string[]))]
        public sealed partial class ArrayJson : JsonSerializerContext;

        [FunctionSerializer(typeof(ArrayJson))]
        public static class A
        {
            [Function("all")] public static void All(CancellationToken cancel, string text, FunctionContext context) { }
            [Function("optional")] public static void Optional(string text = "none") { }
            [Function("params")] public static void Params(params string[] texts) { }
        }
        """);

    [Fact]
    public Task Analyze_ParametersThatCannotCarryAnEvent_ReportsEachParameter() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("ref")] public static void Ref({|IMP0006:ref string text|}) { }
            [Function("out")] public static void Out({|IMP0006:out string text|}) => text = "";
            [Function("in")] public static void In({|IMP0006:in string text|}) { }
            [Function("ref-readonly")] public static void RefReadonly({|IMP0006:ref readonly string text|}) { }
            [Function("ref-struct")] public static void RefStruct({|IMP0006:ReadOnlySpan<byte> bytes|}) { }
            [Function("pointer")] public static unsafe void {|CS0227:Pointer|}({|IMP0006:int* value|}) { }
        }
        """);

    [Fact]
    public Task Analyze_SecondEventContextOrToken_ReportsTheSecond() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("two-events")] public static void TwoEvents(string first, {|IMP0006:string second|}) { }
            [Function("two-contexts")] public static void TwoContexts(FunctionContext first, string text, {|IMP0006:FunctionContext second|}) { }
            [Function("two-tokens")] public static void TwoTokens(CancellationToken first, {|IMP0006:CancellationToken second|}) { }
        }
        """);

    [Theory]
    [InlineData("string first, string second", "Parameter 'second' is not supported: a second event parameter; a handler takes one event.")]
    [InlineData("FunctionContext first, FunctionContext second", "Parameter 'second' is not supported: a second FunctionContext.")]
    [InlineData("ref string text", "Parameter 'text' is not supported: ref, out, in, pointer and ref struct parameters cannot carry an event.")]
    public async Task Analyze_UnsupportedParameter_MessageSaysWhy(string parameters, string expected)
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync($$"""
            public static class A { [Function("x")] public static void Handle({{parameters}}) { } }
            """);

        Assert.StartsWith(expected, Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Analyze_ReturnTypesThatCannotBeWritten_ReportsTheReturnType() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            private static string s_text = "";

            [Function("ref")] public static {|IMP0007:ref string|} Ref() => ref s_text;
            [Function("ref-readonly")] public static {|IMP0007:ref readonly string|} RefReadonly() => ref s_text;
            [Function("ref-struct")] public static {|IMP0007:ReadOnlySpan<byte>|} RefStruct() => default;
            [Function("pointer")] public static unsafe {|IMP0007:int*|} {|CS0227:Pointer|}() => null;
        }
        """);

    [Fact]
    public async Task Analyze_RefReturn_MessageSaysItCannotReturnByReference()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { private static string s = ""; [Function("x")] public static ref string Handle() => ref s; }
            """);

        Assert.StartsWith("Return type 'ref string' is not supported: a handler cannot return by reference.", Assert.Single(diagnostics).GetMessage());
    }
}
