namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0008 (MemoryMb), IMP0009 (TimeoutSeconds), IMP0012 (Environment) and IMP0016 (ReservedConcurrency): the settings Lambda checks.</summary>
public sealed class FunctionSettingsTests
{
    [Fact]
    public Task Analyze_SettingsWithinLambdaLimits_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("defaults")] public static void Defaults() { }
            [Function("lowest", MemoryMb = 128, TimeoutSeconds = 1)] public static void Lowest() { }
            [Function("highest", MemoryMb = 10240, TimeoutSeconds = 900)] public static void Highest() { }
            [Function("constants", MemoryMb = Limits.Memory, TimeoutSeconds = Limits.Timeout)] public static void Constants() { }
            [Function("environment", Environment = ["A1=x", "Table_Name=orders", "URL=https://x.test/?a=b", "EMPTY="])]
            public static void Environment() { }
        }

        public static class Limits { public const int Memory = 1024; public const int Timeout = 60; }
        """);

    [Fact]
    public Task Analyze_MemoryOutsideLimits_ReportsTheNamedArgument() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("low", {|IMP0008:MemoryMb = 127|})] public static void Low() { }
            [Function("high", TimeoutSeconds = 5, {|IMP0008:MemoryMb = 10241|})] public static void High() { }
            [Function("negative", {|IMP0008:MemoryMb = -1|})] public static void Negative() { }
            [Function("constant", {|IMP0008:MemoryMb = Limits.Memory|})] public static void Constant() { }
        }

        public static class Limits { public const int Memory = 64; }
        """);

    [Fact]
    public Task Analyze_TimeoutOutsideLimits_ReportsTheNamedArgument() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("zero", {|IMP0009:TimeoutSeconds = 0|})] public static void Zero() { }
            [Function("long", {|IMP0009:TimeoutSeconds = 901|}, {|IMP0008:MemoryMb = 100|})] public static void Long() { }
        }
        """);

    [Fact]
    public async Task Analyze_SettingsOutsideLimits_MessagesStateValueAndRange()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { [Function("x", MemoryMb = 64, TimeoutSeconds = 1000)] public static void Handle() { } }
            """);

        Assert.Equal(
            ["MemoryMb is 64, but Lambda allows 128 to 10240 MB; choose a value in that range",
             "TimeoutSeconds is 1000, but Lambda allows 1 to 900 seconds; choose a value in that range"],
            diagnostics.Select(d => d.GetMessage()));
    }

    [Fact]
    public Task Analyze_InvalidEnvironmentEntries_ReportsTheArgumentOncePerEntry() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("no-equals", {|IMP0012:Environment = ["NOVALUE"]|})] public static void NoEquals() { }
            [Function("digit-first", {|IMP0012:Environment = new[] { "1KEY=x" }|})] public static void DigitFirst() { }
            [Function("one-letter", {|IMP0012:Environment = ["K=x"]|})] public static void OneLetter() { }
            [Function("hyphen", {|IMP0012:Environment = ["MY-KEY=x"]|})] public static void Hyphen() { }
            [Function("no-key", {|IMP0012:Environment = ["=x"]|})] public static void NoKey() { }
            [Function("reserved", {|IMP0012:Environment = ["AWS_REGION=eu-west-1"]|})] public static void Reserved() { }
            [Function("null-entry", {|IMP0012:Environment = [null!]|})] public static void NullEntry() { }
            [Function("two-bad", {|IMP0012:{|IMP0012:Environment = ["GOOD=1", "_BAD=2", "TABLE=a", "TABLE=b"]|}|})] public static void TwoBad() { }
        }
        """);

    [Theory]
    [InlineData("NOVALUE", "'NOVALUE' is not of the form KEY=VALUE")]
    [InlineData("9LIVES=x", "the key '9LIVES' must start with a letter and be at least two letters, digits or underscores")]
    [InlineData("AWS_LAMBDA_RUNTIME_API=x", "the key 'AWS_LAMBDA_RUNTIME_API' is reserved: Lambda sets it for every function")]
    public async Task Analyze_InvalidEnvironmentEntry_MessageSaysWhatIsWrong(string entry, string problem)
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync($$"""
            public static class A { [Function("x", Environment = ["{{entry}}"])] public static void Handle() { } }
            """);

        Assert.Equal(
            $"Environment entry is not valid: {problem}. Write each entry as KEY=VALUE, with a key of letters, digits and underscores that starts with a letter.",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_RepeatedEnvironmentKey_MessageNamesTheKey()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { [Function("x", Environment = ["TABLE=a", "TABLE=b"])] public static void Handle() { } }
            """);

        Assert.StartsWith("Environment entry is not valid: the key 'TABLE' is set more than once.", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Analyze_ReservedConcurrencyZeroOrPositive_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("unlimited", ReservedConcurrency = 0)] public static void Unlimited() { }
            [Function("capped", ReservedConcurrency = 5)] public static void Capped() { }
        }
        """);

    [Fact]
    public Task Analyze_NegativeReservedConcurrency_ReportsTheArgument() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("negative", {|IMP0016:ReservedConcurrency = -1|})] public static void Negative() { }
        }
        """);
}
