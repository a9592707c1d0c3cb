namespace Impulse.Generators.Tests.Analyzers;

/// <summary>IMP0017: schedule expressions are checked at build time with EventBridge's rules.</summary>
public sealed class TriggerAnalyzerTests
{
    [Fact]
    public Task Analyze_ValidSchedulesAndOtherTriggers_ReportNothing() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("every-five")] [PushTrigger(PushSource.Schedule, "rate(5 minutes)")] public static void Five() { }
            [Function("hourly")] [PushTrigger(PushSource.Schedule, "rate(1 hour)")] public static void Hourly() { }
            [Function("weekdays")] [PushTrigger(PushSource.Schedule, "cron(0/5 8-17 ? * MON-FRI *)")] public static void Weekdays() { }
            [Function("first-monday")] [PushTrigger(PushSource.Schedule, "cron(0 9 ? * 2#1 *)")] public static void FirstMonday() { }
            [Function("http")] [PushTrigger(PushSource.Http, "GET /cron(not a schedule)")] public static void Http() { }
        }
        """);

    [Fact]
    public Task Analyze_InvalidSchedules_ReportTheExpression() => AnalyzerVerifier.VerifyAsync("""
        public static class A
        {
            [Function("both-days")] [PushTrigger(PushSource.Schedule, {|IMP0017:"cron(0 3 * * * *)"|})] public static void BothDays() { }
            [Function("plural")] [PushTrigger(PushSource.Schedule, {|IMP0017:"rate(1 minutes)"|})] public static void Plural() { }
            [Function("five-fields")] [PushTrigger(PushSource.Schedule, {|IMP0017:"cron(0 3 * * ?)"|})] public static void FiveFields() { }
            [Function("second-trigger")]
            [PushTrigger(PushSource.Schedule, "rate(2 hours)")]
            [PushTrigger(PushSource.Schedule, {|IMP0017:"every day"|})]
            public static void Second() { }
        }
        """);

    [Fact]
    public async Task Analyze_OutOfRangeField_MessageNamesTheField()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public static class A { [Function("x")] [PushTrigger(PushSource.Schedule, "cron(0 3 ? * 8 *)")] public static void X() { } }
            """);

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.StartsWith("The schedule expression 'cron(0 3 ? * 8 *)' is not valid: ", message);
        Assert.Contains("day-of-week", message);
    }

    [Fact]
    public Task Analyze_DynamoDbStreamHandlersOfRecordsBatchesOrJson_ReportNothing() => AnalyzerVerifier.VerifyAsync("""
        using Impulse.Events;

        public sealed record Order(string Id);

        public static class A
        {
            [Function("one")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void One(DynamoDbEventRecord change, FunctionContext context) { }
            [Function("batch")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static Task Batch(CancellationToken cancel, DynamoDbEvent changes) => Task.CompletedTask;
            [Function("raw")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void Raw(JsonElement payload) { }
            [Function("none")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void None() { }
            [Function("queue")] [PullTrigger(PullSource.Queue, "orders")] public static void Queue(Order order) { }
            [Function("kinesis")] [PullTrigger(PullSource.Stream, "orders")] public static void Kinesis(Order order) { }
        }
        """);

    [Fact]
    public Task Analyze_DynamoDbStreamHandlerOfItsOwnType_ReportsTheParameterType() => AnalyzerVerifier.VerifyAsync("""
        public sealed record Order(string Id);

        public static class A
        {
            [Function("own")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void Own({|IMP0024:Order|} order, FunctionContext context) { }
            [Function("text")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void Text({|IMP0024:string|} body) { }
        }
        """);

    [Fact]
    public async Task Analyze_DynamoDbStreamHandlerOfItsOwnType_MessageNamesHandlerTypeAndChoices()
    {
        var diagnostics = await AnalyzerVerifier.ReportedAsync("""
            public sealed record Order(string Id);
            public static class A { [Function("own")] [PullTrigger(PullSource.DynamoDbStream, "Orders")] public static void Own(Order order) { } }
            """);

        var message = Assert.Single(diagnostics).GetMessage();
        Assert.StartsWith("'Own' takes 'Order', but a DynamoDB stream delivers change records", message);
        Assert.Contains("DynamoDbEventRecord", message);
    }
}
