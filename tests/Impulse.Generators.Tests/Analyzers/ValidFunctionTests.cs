namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// Every supported handler shape and setting, none of which may draw a diagnostic. The verifier also
/// runs the generator, so these pass only if the code it emits for them compiles.
/// </summary>
public sealed class ValidFunctionTests
{
    private const string Json = """
        public sealed record Order(string Id);
        public sealed record Receipt(string Id);

        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Receipt))]
        public sealed partial class AppJson : JsonSerializerContext;
        """;

    [Fact]
    public Task Analyze_StaticHandlersOfEveryReturnShape_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Json, """
        [FunctionSerializer(typeof(AppJson))]
        public static class Handlers
        {
            [Function("void")] public static void ReturnsVoid(Order order) { }
            [Function("value")] public static Receipt ReturnsValue(Order order) => new(order.Id);
            [Function("task")] public static Task ReturnsTask(Order order) => Task.CompletedTask;
            [Function("task-of-t")] public static Task<Receipt> ReturnsTaskOfT(Order order) => Task.FromResult(new Receipt(order.Id));
            [Function("value-task")] public static ValueTask ReturnsValueTask(Order order) => default;
            [Function("value-task-of-t")] public static ValueTask<Receipt> ReturnsValueTaskOfT(Order order) => new(new Receipt(order.Id));
            [Function("async-task")] public static async Task AsyncTask(Order order) => await Task.Yield();
            [Function("async-task-of-t")] public static async Task<Receipt> AsyncTaskOfT(Order order) { await Task.Yield(); return new(order.Id); }
            [Function("async-value-task")] public static async ValueTask AsyncValueTask(Order order) => await Task.Yield();
            [Function("async-value-task-of-t")] public static async ValueTask<Receipt> AsyncValueTaskOfT(Order order) { await Task.Yield(); return new(order.Id); }
        }
        """);

    [Fact]
    public Task Analyze_InstanceHandlersWithServices_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Json, """
        public interface IClock { DateTimeOffset Now { get; } }

        [FunctionSerializer(typeof(AppJson))]
        public sealed class Orders(IClock clock) : IDisposable
        {
            [Function("sync")] public Receipt Sync(Order order) => new(order.Id + clock.Now);
            [Function("async")] public async Task<Receipt?> Async(Order order, FunctionContext context) { await Task.Yield(); return null; }
            [Function("internal")] internal void Internal(Order order) { }
            [Function("protected-internal")] protected internal ValueTask ProtectedInternal() => default;
            public void Dispose() { }
        }

        internal class Plain
        {
            [Function("plain")] public string Handle(string text) => text;
        }

        public sealed class WithRequired
        {
            public required string Region { get; init; }

            [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
            public WithRequired() => Region = "eu-west-1";

            [Function("required-set")] public string Handle(string text) => Region + text;
        }
        """);

    [Fact]
    public Task Analyze_EventContextAndTokenInAnyOrder_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Json, """
        [FunctionSerializer(typeof(AppJson))]
        public static class Orders
        {
            [Function("none")] public static void None() { }
            [Function("event")] public static void Event(Order order) { }
            [Function("context")] public static void Context(FunctionContext context) { }
            [Function("token")] public static Task Token(CancellationToken cancel) => Task.CompletedTask;
            [Function("event-context-token")] public static void A(Order order, FunctionContext context, CancellationToken cancel) { }
            [Function("token-event-context")] public static void B(CancellationToken cancel, Order order, FunctionContext context) { }
            [Function("context-token-event")] public static void C(FunctionContext context, CancellationToken cancel, Order order) { }
            [Function("context-event")] public static void D(FunctionContext context, Order order) { }
        }
        """);

    [Fact]
    public Task Analyze_StringAndJsonElementWithoutSerializer_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class Raw
        {
            [Function("echo")] public static string Echo(string text) => text;
            [Function("echo-nullable")] public static string? EchoNullable(string? text) => text;
            [Function("raw")] public static JsonElement Pass(JsonElement value) => value;
            [Function("raw-async")] public static Task<JsonElement> PassAsync(JsonElement value) => Task.FromResult(value);
            [Function("raw-to-text")] public static ValueTask<string> ToText(JsonElement value, CancellationToken cancel) => new(value.ToString());
        }
        """);

    [Fact]
    public Task Analyze_SerializerOnMethodOrClass_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Json, """
        public sealed record Other(int N);

        [JsonSerializable(typeof(Other))]
        public sealed partial class OtherJson : JsonSerializerContext;

        [FunctionSerializer(typeof(AppJson))]
        public static class Orders
        {
            [Function("class-context")] public static Receipt FromClass(Order order) => new(order.Id);

            [Function("method-context"), FunctionSerializer(typeof(OtherJson))]
            public static Other? FromMethod(Other other) => other;
        }
        """);

    [Fact]
    public Task Analyze_SettingsAtTheirLimits_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class Limits
        {
            [Function("a", MemoryMb = 128, TimeoutSeconds = 1)] public static void Lowest() { }
            [Function("0123456789012345678901234567890123456789012345678901234567890123", MemoryMb = 10240, TimeoutSeconds = 900)]
            public static void Highest() { }
            [Function("Mixed-Name_9", Description = "anything at all", Environment = ["TABLE=orders", "Log_Level2=debug=verbose", "EMPTY="])]
            public static void Settings() { }
            [Function("no-environment", Environment = null)] public static void NoEnvironment() { }
        }
        """);

    [Fact]
    public Task Analyze_NonFunctionMethodsOfAnyShape_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public abstract class Anything<T>
        {
            private async void Fire() => await Task.Yield();
            public ref int Ref(ref int value, out int other) { other = 0; return ref value; }
            public abstract T Make(Span<byte> bytes);
            public string P { get => ""; }
        }
        """);

    [Fact]
    public Task Analyze_OneStartupBesideAGenericOne_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        using Microsoft.Extensions.DependencyInjection;

        public sealed partial class Startup : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }

        public sealed partial class Startup : IFunctionsStartup { }

        // The generator cannot call a generic startup, so it does not count one.
        public sealed class Generic<T> : IFunctionsStartup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }
        """);

    [Fact]
    public Task Analyze_PartialHandler_ReportsNothing() => AnalyzerVerifier.VerifyAsync("""
        public static partial class Split
        {
            [Function("split")] public static partial string Handle(string text);
            public static partial string Handle(string text) => text;
        }
        """);
}
