namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0014: [Function] where C# allows it but the generator never looks.</summary>
public sealed class FunctionTargetTests
{
    [Fact]
    public Task Analyze_OtherAttributesOnLocalFunctionsAndLambdas_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            public static void Run()
            {
                [Obsolete] static void Local() { }
                var lambda = [Obsolete] () => 1;
            }

            public static string P { [Obsolete] get => ""; }
        }
        """);

    [Fact]
    public Task Analyze_FunctionOnReturnValue_LeavesItToTheCompiler() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            public static void Run()
            {
                [return: {|CS0592:Function|}("local")] static string Local(string text) => text;
                Local("");
            }
        }
        """);

    [Fact]
    public Task Analyze_FunctionOnLocalFunctionOrLambda_ReportsTheAttribute() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            public static Func<string, string> Run()
            {
                [{|IMP0014:Function("local")|}] static string Local(string text) => text;
                return [{|IMP0014:Function("lambda")|}] (string text) => Local(text);
            }
        }
        """);

    [Fact]
    public Task Analyze_FunctionOnAccessors_ReportsTheAttribute() => AnalyzerVerifier.VerifyAsync("""
        public sealed class A
        {
            private string _text = "";

            public string Text
            {
                [{|IMP0014:Function("get")|}] get => _text;
                [{|IMP0014:Function("set")|}] set => _text = value;
            }

            public string this[int index] { [{|IMP0014:Function("indexer")|}] get => _text; }

            public event EventHandler? Changed
            {
                [{|IMP0014:Function("add")|}] add { }
                remove { }
            }
        }
        """);

    [Fact]
    public Task Analyze_FunctionOnOperatorsAndFinalizer_ReportsTheAttribute() => AnalyzerVerifier.VerifyAsync("""
        public sealed class A
        {
            [{|IMP0014:Function("plus")|}] public static A operator +(A left, A right) => left;
            [{|IMP0014:Function("convert")|}] public static implicit operator string(A value) => "";
            [{|IMP0014:Function("finalize")|}] ~A() { }
        }
        """);

    [Fact]
    public async Task Analyze_FunctionOnLocalFunction_MessageNamesItAndTheFix()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { public static void Run() { [Function("x")] static void Local() { } Local(); } }
            """);

        Assert.Equal(
            "[Function] on the local function 'Local' is ignored: only a method declared in a class, struct, record or interface can be a function; move the code into such a method",
            Assert.Single(diagnostics).GetMessage());
    }
}
