namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0013: more than one class implements IFunctionsStartup.</summary>
public sealed class StartupAnalyzerTests
{
    private const string Using = "using Microsoft.Extensions.DependencyInjection;\n";

    [Fact]
    public Task Analyze_NoStartup_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A { [Function("x")] public static void Handle() { } }
        """);

    [Fact]
    public Task Analyze_OnePartialStartup_ReportsNothing() => AnalyzerVerifier.VerifyAsync(
        Using + """
        public sealed partial class Startup : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }
        """,
        "public sealed partial class Startup : Impulse.IFunctionsStartup { }");

    [Fact]
    public Task Analyze_StartupAndAClassDerivedFromIt_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Using + """
        public class Startup : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }

        // The generator finds classes that name the interface themselves; this one inherits it.
        public class MoreStartup : Startup { }
        """);

    [Fact]
    public Task Analyze_TwoStartupsInTwoFiles_ReportsEachClassIdentifier() => AnalyzerVerifier.VerifyAsync(
        Using + """
        public sealed class {|IMP0013:First|} : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }
        """,
        Using + """
        namespace Other;

        public static class Outer
        {
            public sealed class {|IMP0013:Second|} : Impulse.IFunctionsStartup
            {
                public static void ConfigureServices(IServiceCollection services) { }
            }
        }
        """);

    [Fact]
    public Task Analyze_PartialStartupBesideAnother_ReportsTheDeclarationsThatNameTheInterface() => AnalyzerVerifier.VerifyAsync(Using + """
        public sealed partial class {|IMP0013:First|} : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }

        public sealed partial class First { }

        public sealed class {|IMP0013:Second|} : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }
        """);

    [Fact]
    public async Task Analyze_TwoStartups_MessageNamesBoth()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(Using + """
            public sealed class First : IFunctionsStartup { public static void ConfigureServices(IServiceCollection services) { } }
            public sealed class Second : IFunctionsStartup { public static void ConfigureServices(IServiceCollection services) { } }
            """);

        Assert.Equal(
            ["'First' is one of several classes that implement IFunctionsStartup (First, Second), so none of them is called; keep exactly one",
             "'Second' is one of several classes that implement IFunctionsStartup (First, Second), so none of them is called; keep exactly one"],
            diagnostics.Select(d => d.GetMessage()));
    }
}
