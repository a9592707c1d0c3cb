namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0001 (duplicate function name) and IMP0002 (invalid function name).</summary>
public sealed class FunctionNameTests
{
    [Fact]
    public Task Analyze_DistinctNamesOnSameNamedMethods_ReportsNothing() => AnalyzerVerifier.VerifyAsync(
        """
        public static class A { [Function("orders-a")] public static void Handle() { } }
        """,
        """
        public static class B { [Function("orders-b")] public static void Handle() { } }
        """);

    [Fact]
    public Task Analyze_NamesThatDifferOnlyInCase_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("orders")] public static void Lower() { }
            [Function("Orders")] public static void Upper() { }
        }
        """);

    [Fact]
    public Task Analyze_SameNameInTwoFiles_ReportsEveryDeclaration() => AnalyzerVerifier.VerifyAsync(
        """
        public static class A { [Function({|IMP0001:"orders"|})] public static void Handle() { } }
        """,
        """
        public static class B { [Function({|IMP0001:"orders"|})] public static void Handle() { } }
        """);

    [Fact]
    public Task Analyze_SameNameThreeTimes_ReportsEveryDeclaration() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function({|IMP0001:"orders"|})] public static void One() { }
            [Function({|IMP0001:name: "orders"|}, MemoryMb = 256)] public static void Two() { }
            [Function({|IMP0001:Names.Orders|})] public static void Three() { }
        }

        public static class Names { public const string Orders = "orders"; }
        """);

    [Fact]
    public async Task Analyze_SameName_MessageNamesTheOtherHandlers()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A
            {
                [Function("orders")] public static void One() { }
                [Function("orders")] public static void Two() { }
            }
            """);

        Assert.Equal(
            ["The function name 'orders' is also used by A.Two; give each function its own name",
             "The function name 'orders' is also used by A.One; give each function its own name"],
            diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Analyze_InvalidNames_ReportsEachAtItsArgument() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function({|IMP0002:""|})] public static void Empty() { }
            [Function({|IMP0002:"has space"|})] public static void Space() { }
            [Function({|IMP0002:"dotted.name"|})] public static void Dot() { }
            [Function({|IMP0002:"naïve"|})] public static void NonAscii() { }
            [Function({|IMP0002:"01234567890123456789012345678901234567890123456789012345678901234"|})] public static void TooLong() { }
            [Function({|IMP0002:null!|})] public static void Null() { }
        }
        """);

    [Fact]
    public Task Analyze_SameInvalidNameTwice_ReportsOnlyInvalidName() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function({|IMP0002:"bad name"|})] public static void One() { }
            [Function({|IMP0002:"bad name"|})] public static void Two() { }
        }
        """);

    [Theory]
    [InlineData("\"\"", "The function name \"\" is not valid: it is empty.")]
    [InlineData("\"a b\"", "The function name \"a b\" is not valid: \" \" is not allowed in a function name.")]
    [InlineData("null!", "The function name null is not valid: a function needs a name.")]
    [InlineData("\"0123456789012345678901234567890123456789012345678901234567890123456789\"", "is not valid: it is 70 characters long, more than 64.")]
    public async Task Analyze_InvalidName_MessageSaysWhatIsWrong(string argument, string expected)
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync($$"""
            public static class A { [Function({{argument}})] public static void Handle() { } }
            """);

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.Contains(expected, message);
        Assert.EndsWith("Use 1 to 64 letters, digits, hyphens (-) or underscores (_).", message);
    }
}
