namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// IMP0010: an event or result type that nothing can read or write. Impulse generates JSON code for
/// most types; a type it cannot handle needs a <c>JsonSerializerContext</c> that lists it.
/// </summary>
public sealed class SerializerTests
{
    private const string Types = """
        public sealed record Order(string Id, List<string> Lines, Status Status, Dictionary<string, int>? Counts);
        public enum Status { Open, Shipped }
        public interface IShape;
        public sealed record Bag(object Content);

        [JsonSerializable(typeof(object))]
        [JsonSerializable(typeof(IShape))]
        public sealed partial class LooseJson : JsonSerializerContext;
        """;

    [Fact]
    public Task Analyze_TypesImpulseGeneratesCodeFor_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Types, """
        public static class A
        {
            [Function("record")] public static Order? Record(Order order) => order;
            [Function("list")] public static Task<List<Order>> List(Order[] orders) => Task.FromResult(orders.ToList());
            [Function("enum")] public static ValueTask<Status> Enum(Status status) => new(status);
            [Function("scalars")] public static Guid Scalars(DateTimeOffset at) => Guid.Empty;
            [Function("string")] public static string Text(string text) => text;
            [Function("element")] public static JsonElement Element(JsonElement value) => value;
        }
        """);

    [Fact]
    public Task Analyze_UnsupportedTypesTheContextLists_ReportsNothing() => AnalyzerVerifier.VerifyAsync(Types, """
        [FunctionSerializer(typeof(LooseJson))]
        public static class A
        {
            [Function("object")] public static object Anything(object value) => value;
            [Function("interface")] public static Task<IShape?> Shape(IShape shape) => Task.FromResult<IShape?>(shape);
        }
        """);

    [Fact]
    public Task Analyze_TypesNothingCanHandle_ReportsTheParameterTypeOrReturnType() => AnalyzerVerifier.VerifyAsync(Types, """
        public static class A
        {
            [Function("object")] public static void Anything({|IMP0010:object|} value) { }
            [Function("interface")] public static {|IMP0010:Task<IShape>|} Shape() => Task.FromResult<IShape>(null!);
            [Function("grid")] public static void Grid({|IMP0010:int[,]|} grid) { }
            [Function("int-keys")] public static {|IMP0010:Dictionary<int, string>|} IntKeys() => new();
            [Function("member")] public static {|IMP0010:ValueTask<Bag>|} Member(FunctionContext context, {|IMP0010:Bag|} bag) => new(bag);
        }
        """);

    [Fact]
    public Task Analyze_ContextThatDoesNotListAnUnsupportedType_ReportsIt() => AnalyzerVerifier.VerifyAsync(Types, """
        [JsonSerializable(typeof(Order))]
        public sealed partial class OrderJson : JsonSerializerContext;

        [FunctionSerializer(typeof(LooseJson))]
        public static class A
        {
            [Function("method-context-wins"), FunctionSerializer(typeof(OrderJson))]
            public static void Handle({|IMP0010:object|} value) { }
        }
        """);

    [Fact]
    public Task Analyze_SerializerThatIsNotAContext_ReportsTheTypeItLists() => AnalyzerVerifier.VerifyAsync(Types, """
        [JsonSerializable(typeof(object))]
        public sealed class NotAContext;

        [FunctionSerializer(typeof(NotAContext))]
        public static class A
        {
            [Function("not-a-context")] public static void Handle({|IMP0010:object|} value) { }
        }
        """);

    [Fact]
    public async Task Analyze_NoFunctionSerializer_MessageGivesTheReasonAndSaysNoneIsDeclared()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { [Function("x")] public static void Handle(object value) { } }
            """);

        Assert.Equal(
            "'object' has no serializer: Impulse cannot generate one ('object': object says nothing about the JSON it holds; use JsonElement for free-form JSON), "
            + "and no [FunctionSerializer] is declared on 'Handle' or its class. "
            + "Use a type Impulse can serialize, string or JsonElement, or list it with [JsonSerializable] on a JsonSerializerContext named by [FunctionSerializer].",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_UnsupportedMember_MessageNamesTheMember()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(Types, """
            public static class A { [Function("x")] public static void Handle(Bag bag) { } }
            """);

        Assert.Contains("'Bag.Content': its type object cannot be read or written", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_ContextWithoutTheType_MessageNamesTheContext()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync(Types, """
            [JsonSerializable(typeof(Order))]
            public sealed partial class OrderJson : JsonSerializerContext;

            [FunctionSerializer(typeof(OrderJson))]
            public static class A { [Function("x")] public static IShape? Handle() => null; }
            """);

        Assert.Contains("and 'OrderJson', named by [FunctionSerializer], does not list it.", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public async Task Analyze_SerializerThatIsNotAContext_MessageSaysSo()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public sealed class Plain;
            [FunctionSerializer(typeof(Plain))]
            public static class A { [Function("x")] public static void Handle(object value) { } }
            """);

        Assert.Contains("and 'Plain', named by [FunctionSerializer], is not a JsonSerializerContext.", Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public Task Analyze_ContextThatListsEveryType_ReportsNoContextWarning() => AnalyzerVerifier.VerifyAsync(Types, """
        [JsonSerializable(typeof(Order))]
        [JsonSerializable(typeof(Status))]
        public sealed partial class OrderJson : JsonSerializerContext;

        [FunctionSerializer(typeof(OrderJson))]
        public static class A
        {
            [Function("order")] public static Status Record(Order order) => order.Status;
            [Function("text")] public static string Text(string text) => text;
        }
        """);

    [Fact]
    public Task Analyze_ContextMissingAnEventOrResultType_WarnsOnThatType() => AnalyzerVerifier.VerifyAsync(Types, """
        [JsonSerializable(typeof(Order))]
        public sealed partial class OrderJson : JsonSerializerContext;

        [FunctionSerializer(typeof(OrderJson))]
        public static class A
        {
            [Function("status")] public static {|IMP0015:Status|} State(Order order) => order.Status;
            [Function("count")] public static Task<Order> Count({|IMP0015:Status|} status) => Task.FromResult(new Order("x", [], status, null));
        }
        """);
}
