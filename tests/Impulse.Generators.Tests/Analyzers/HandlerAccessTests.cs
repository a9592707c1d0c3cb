namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// IMP0003 (not accessible), IMP0004 (generic), IMP0005 (async void) and IMP0011 (class cannot be
/// constructed): whether generated code can reach, call and build a handler.
/// </summary>
public sealed class HandlerAccessTests
{
    [Fact]
    public Task Analyze_ReachableHandlersInNestedTypes_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class Outer
        {
            internal static class Inner
            {
                [Function("public")] public static void Public() { }
                [Function("internal")] internal static void Internal() { }
            }

            public class Derived
            {
                [Function("protected-internal")] protected internal static void ProtectedInternal() { }
            }
        }
        """);

    [Fact]
    public Task Analyze_ConstructibleClasses_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public sealed class OneInternalConstructor
        {
            internal OneInternalConstructor() { }
            [Function("internal-ctor")] public void Handle() { }
        }

        public sealed class PrivateConstructorsDoNotCount
        {
            public PrivateConstructorsDoNotCount() { }
            private PrivateConstructorsDoNotCount(int unused) { }
            [Function("one-public-ctor")] public void Handle() { }
        }

        public abstract class AbstractWithStaticHandler
        {
            [Function("static-in-abstract")] public static void Handle() { }
        }

        public struct Value
        {
            [Function("struct")] public string Handle(string text) => text;
        }
        """);

    [Fact]
    public Task Analyze_AsyncHandlersThatReturnTasks_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("task")] public static async Task Handle() => await Task.Yield();
            [Function("value-task")] public static async ValueTask HandleValue() => await Task.Yield();
        }
        """);

    [Fact]
    public Task Analyze_HandlersGeneratedCodeCannotReach_ReportsAtTheIdentifier() => AnalyzerVerifier.VerifyAsync(
        """
        public class A
        {
            [Function("private")] private static void {|IMP0003:Private|}() { }
            [Function("protected")] protected static void {|IMP0003:Protected|}() { }
            [Function("private-protected")] private protected static void {|IMP0003:PrivateProtected|}() { }

            private static class Hidden
            {
                [Function("in-private")] public static void {|IMP0003:Handle|}() { }
            }
        }

        public interface IHandler
        {
            [Function("static-abstract")] static abstract void {|IMP0003:Handle|}();
        }
        """,
        """
        file static class Local
        {
            [Function("file-local")] public static void {|IMP0003:Handle|}() { }
        }
        """);

    [Theory]
    [InlineData("private static void Handle() { }", "the method is private; make it public or internal")]
    [InlineData("private static class Hidden { [Function(\"x\")] public static void Handle() { } }", "its containing type 'Hidden' is private; make it public or internal")]
    public async Task Analyze_UnreachableHandler_MessageSaysWhatToChange(string member, string reason)
    {
        var source = member.StartsWith("private static void", StringComparison.Ordinal) ? $"[Function(\"x\")] {member}" : member;

        var diagnostics = await AnalyzerVerifier.ReportedAsync($$"""public class A { {{source}} }""");

        Assert.EndsWith(reason, Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_FileLocalHandler_MessageSaysToRemoveFile()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""file static class A { [Function("x")] public static void Handle() { } }""");

        Assert.Contains("is file-local", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Analyze_GenericHandlers_ReportsAtTheIdentifier() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("generic-method")] public static string {|IMP0004:Handle|}<T>(string text) => text;
        }

        public static class Holder<T>
        {
            [Function("in-generic")] public static void {|IMP0004:Handle|}() { }

            public static class Nested
            {
                [Function("nested-in-generic")] public static void {|IMP0004:Handle|}() { }
            }
        }
        """);

    [Fact]
    public async Task Analyze_HandlerInGenericType_MessageNamesTheType()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class Holder<T> { public static class Nested { [Function("x")] public static void Handle() { } } }
            """);

        Assert.Equal(
            "Handler 'Holder<T>.Nested.Handle' is declared in the generic type 'Holder<T>', and generated code cannot choose type arguments; use a non-generic method in a non-generic type",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Analyze_AsyncVoidHandler_ReportsAtTheIdentifier() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("fire")] public static async void {|IMP0005:Fire|}(string text) => await Task.Yield();
        }
        """);

    [Fact]
    public Task Analyze_InstanceHandlerOfUnconstructibleClass_ReportsAtTheIdentifier() => AnalyzerVerifier.VerifyAsync("""
        public abstract class Abstract
        {
            [Function("abstract")] public void {|IMP0011:Handle|}() { }
        }

        public sealed class TwoConstructors
        {
            public TwoConstructors() { }
            public TwoConstructors(string name) { }
            [Function("two-ctors")] public void {|IMP0011:Handle|}() { }
        }

        public sealed class PrivateConstructor
        {
            private PrivateConstructor() { }
            [Function("private-ctor")] public void {|IMP0011:Handle|}() { }
        }

        public sealed class RequiredMembers
        {
            public required string Region { get; init; }
            [Function("required")] public void {|IMP0011:Handle|}() { }
        }

        public interface IDefault
        {
            [Function("default-interface-method")] void {|IMP0011:Handle|}() { }
        }
        """);

    [Theory]
    [InlineData("public abstract class C { [Function(\"x\")] public void Handle() { } }", "C is abstract; make the method static or the class concrete")]
    [InlineData("public sealed class C { private C() { } [Function(\"x\")] public void Handle() { } }", "C has no public or internal constructor")]
    [InlineData("public sealed class C { public C() { } internal C(int a) { } [Function(\"x\")] public void Handle() { } }", "C has 2 accessible constructors; keep one so it is clear which one builds it")]
    [InlineData("public sealed class C { public required int A { get; init; } [Function(\"x\")] public void Handle() { } }", "C has required members, which generated code cannot set; take them as constructor parameters instead")]
    public async Task Analyze_UnconstructibleClass_MessageSaysWhy(string source, string reason)
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(source);

        Assert.Equal($"Generated code cannot construct the class of instance handler 'C.Handle': {reason}", Assert.Single(diagnostics).GetMessage());
    }
}
