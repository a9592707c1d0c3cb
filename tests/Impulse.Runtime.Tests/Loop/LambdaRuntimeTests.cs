using System.Text;
using System.Text.Json;
using Impulse.FakeRuntimeApi;
using Microsoft.Extensions.DependencyInjection;

namespace Impulse.Runtime.Tests.Loop;

/// <summary>The Runtime API loop, with the client in both its modes: asynchronous, and blocking on the main thread as AWS mode runs it.</summary>
public abstract class LambdaRuntimeTests
{
    protected abstract bool Blocking { get; }

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Run_WithSucceedingHandler_PostsEachResultAndServesTheNext()
    {
        var app = new TestApplication(TestFunction.Sync("upper", payload => payload.ToUpperInvariant()));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "upper");
        var first = harness.Server.Enqueue("\"a\""u8.ToArray());
        var second = harness.Server.Enqueue("\"b\""u8.ToArray());

        var exit = await harness.RunUntilIdleAsync();

        Assert.Equal("\"A\"", Encoding.UTF8.GetString((await harness.Server.WaitForOutcomeAsync(first, Wait)).Body));
        Assert.Equal("\"B\"", Encoding.UTF8.GetString((await harness.Server.WaitForOutcomeAsync(second, Wait)).Body));
        Assert.Equal(1, exit); // the server's 500 on /next ends the loop, as the Runtime API asks
    }

    [Fact]
    public async Task Run_GivesHandlerTheInvocationContext()
    {
        FunctionContext? seen = null;
        string? traceVariable = null;
        var app = new TestApplication(new TestFunction("ctx", (_, context) =>
        {
            seen = context;
            traceVariable = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID");
            return Task.FromResult<string?>(null);
        }));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "ctx");
        var deadline = DateTimeOffset.UtcNow.AddSeconds(9);
        var id = harness.Server.Enqueue("{}"u8.ToArray(), deadline: deadline, functionArn: "arn:aws:lambda:eu-west-1:111122223333:function:ctx:prod",
            traceId: "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", clientContext: "{\"client\":{}}", cognitoIdentity: "{\"cognitoIdentityId\":\"x\"}");

        await harness.RunUntilIdleAsync();

        Assert.NotNull(seen);
        Assert.Equal(id, seen.RequestId);
        Assert.Equal("test-function", seen.FunctionName);
        Assert.Equal("7", seen.FunctionVersion);
        Assert.Equal(512, seen.MemoryLimitInMb);
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:ctx:prod", seen.InvokedFunctionArn);
        Assert.Equal(deadline.ToUnixTimeMilliseconds(), seen.Deadline.ToUnixTimeMilliseconds());
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", seen.TraceId);
        Assert.Equal(seen.TraceId, traceVariable);
        Assert.Equal("{\"client\":{}}", seen.ClientContext);
        Assert.Equal("{\"cognitoIdentityId\":\"x\"}", seen.Identity);
        Assert.Equal("", Encoding.UTF8.GetString((await harness.Server.WaitForOutcomeAsync(id, Wait)).Body));
    }

    [Fact]
    public async Task Run_LoggerLines_CarryTheRequestId()
    {
        var app = new TestApplication(new TestFunction("log", (_, context) =>
        {
            context.Logger.Info("hello from the handler");
            return Task.FromResult<string?>(null);
        }));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "log");
        var id = harness.Server.Enqueue("{}"u8.ToArray());

        await harness.RunUntilIdleAsync();

        var line = harness.Log.Split('\n').Single(l => l.Contains("hello from the handler"));
        using var json = JsonDocument.Parse(line);
        Assert.Equal(id, json.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("INFO", json.RootElement.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Run_WhenHandlerThrows_PostsErrorJsonAndKeepsServing()
    {
        var app = new TestApplication(TestFunction.Sync("picky", payload =>
            payload == "\"bad\"" ? throw new FormatException("bad is not allowed") : "\"ok\""));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "picky");
        var bad = harness.Server.Enqueue("\"bad\""u8.ToArray());
        var good = harness.Server.Enqueue("\"good\""u8.ToArray());

        await harness.RunUntilIdleAsync();

        var error = await harness.Server.WaitForOutcomeAsync(bad, Wait);
        Assert.True(error.IsError);
        Assert.Equal("FormatException", error.ErrorType);
        Assert.Equal("application/vnd.aws.lambda.error+json", error.ContentType);
        using var json = JsonDocument.Parse(error.Body);
        Assert.Equal("bad is not allowed", json.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal("FormatException", json.RootElement.GetProperty("errorType").GetString());
        Assert.NotEmpty(json.RootElement.GetProperty("stackTrace").EnumerateArray());
        Assert.False((await harness.Server.WaitForOutcomeAsync(good, Wait)).IsError);
    }

    [Fact]
    public async Task Run_WhenEventCannotBeRead_PostsTheStableEventErrorType()
    {
        var app = new TestApplication(TestFunction.Sync("strict", _ => throw new EventReadException("Expected a JSON string but found a number.", "$")));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "strict");
        var id = harness.Server.Enqueue("42"u8.ToArray());

        await harness.RunUntilIdleAsync();

        var outcome = await harness.Server.WaitForOutcomeAsync(id, Wait);
        Assert.Equal(EventReadException.ErrorType, outcome.ErrorType);
    }

    [Fact]
    public async Task Run_WithUnknownHandler_PostsInitErrorAndExitsNonZero()
    {
        var app = new TestApplication(TestFunction.Sync("known", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "unknown");

        var exit = await harness.RunAsync().WaitAsync(Wait);

        Assert.NotEqual(0, exit);
        var init = Assert.Single(harness.Server.InitErrors);
        Assert.Equal("Runtime.UnknownHandler", init.ErrorType);
        Assert.Contains("'unknown'", Encoding.UTF8.GetString(init.Body));
        Assert.Contains("known", Encoding.UTF8.GetString(init.Body));
        Assert.DoesNotContain(harness.Server.Requests, r => r.Path.EndsWith("/next", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WithNoHandlerSet_PostsInitErrorAndExitsNonZero()
    {
        var app = new TestApplication(TestFunction.Sync("known", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, handler: null);

        var exit = await harness.RunAsync().WaitAsync(Wait);

        Assert.NotEqual(0, exit);
        Assert.Contains("_HANDLER is not set", Encoding.UTF8.GetString(Assert.Single(harness.Server.InitErrors).Body));
    }

    [Fact]
    public async Task Run_WhenServicesFailToBuild_PostsInitErrorAndExitsNonZero()
    {
        var app = new TestApplication(TestFunction.Sync("f", p => p))
        {
            Services = () =>
            {
                var services = new ServiceCollection().BuildServiceProvider();
                Dispatch.ServiceChecks.RequireRegistered(services, [typeof(IDisposable)]);
                return services;
            },
        };
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "f");

        var exit = await harness.RunAsync().WaitAsync(Wait);

        Assert.NotEqual(0, exit);
        var init = Assert.Single(harness.Server.InitErrors);
        Assert.Equal("Runtime.InitError", init.ErrorType);
        Assert.Contains("System.IDisposable", Encoding.UTF8.GetString(init.Body));
    }

    [Fact]
    public async Task Run_WhenHandlerPassesItsDeadline_CancelsItAndReportsTimeout()
    {
        var app = new TestApplication(new TestFunction("slow", async (_, context) =>
        {
            await Task.Delay(Timeout.Infinite, context.CancellationToken);
            return null;
        }));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "slow");
        var slow = harness.Server.Enqueue("{}"u8.ToArray(), deadline: DateTimeOffset.UtcNow.AddMilliseconds(300));

        await harness.RunUntilIdleAsync();

        var outcome = await harness.Server.WaitForOutcomeAsync(slow, Wait);
        Assert.Equal("Sandbox.Timedout", outcome.ErrorType);
        Assert.Contains("Task timed out after", Encoding.UTF8.GetString(outcome.Body));
    }

    [Fact]
    public async Task Run_WhenTimedOutHandlerIgnoresCancellation_ReportsTimeoutThenExits()
    {
        var release = new TaskCompletionSource();
        var app = new TestApplication(new TestFunction("stuck", async (_, _) =>
        {
            await release.Task;
            return null;
        }));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "stuck");
        var stuck = harness.Server.Enqueue("{}"u8.ToArray(), deadline: DateTimeOffset.UtcNow.AddMilliseconds(200));
        var next = harness.Server.Enqueue("{}"u8.ToArray());

        var exit = await harness.RunAsync().WaitAsync(Wait);
        release.SetResult();

        Assert.Equal(1, exit);
        Assert.Equal("Sandbox.Timedout", (await harness.Server.WaitForOutcomeAsync(stuck, Wait)).ErrorType);
        Assert.Contains("ignored cancellation", harness.Log);
        // The next invocation was never taken: a fresh environment will serve it.
        Assert.Single(harness.Server.Requests, r => r.Path.EndsWith("/next", StringComparison.Ordinal));
        _ = next;
    }

    [Fact]
    public async Task Run_WhenResultExceedsSixMegabytes_PostsSizeErrorInsteadOfLosingIt()
    {
        var big = "\"" + new string('x', 6_291_556) + "\"";
        var app = new TestApplication(TestFunction.Sync("big", payload => payload == "\"big\"" ? big : "\"small\""));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "big");
        var tooBig = harness.Server.Enqueue("\"big\""u8.ToArray());
        var small = harness.Server.Enqueue("\"small\""u8.ToArray());

        await harness.RunUntilIdleAsync();

        var outcome = await harness.Server.WaitForOutcomeAsync(tooBig, Wait);
        Assert.Equal("Function.ResponseSizeTooLarge", outcome.ErrorType);
        Assert.Contains("6291558 bytes", Encoding.UTF8.GetString(outcome.Body));
        Assert.False((await harness.Server.WaitForOutcomeAsync(small, Wait)).IsError);
    }

    [Fact]
    public async Task Run_WhenServerRefusesResponseWith413_ReportsSizeError()
    {
        var app = new TestApplication(TestFunction.Sync("f", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "f");
        harness.Server.ForceStatus(RuntimeApiEndpoint.Response, 413, "{\"errorMessage\":\"too big\"}");
        var id = harness.Server.Enqueue("\"x\""u8.ToArray());

        await harness.RunUntilIdleAsync();

        Assert.Equal("Function.ResponseSizeTooLarge", (await harness.Server.WaitForOutcomeAsync(id, Wait)).ErrorType);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    public async Task Run_WhenServerRefusesAnAnswer_LogsItAndServesTheNextInvocation(int status)
    {
        var app = new TestApplication(TestFunction.Sync("f", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "f");
        harness.Server.ForceStatus(RuntimeApiEndpoint.Response, status, "{\"errorMessage\":\"refused\"}");
        harness.Server.Enqueue("\"first\""u8.ToArray());
        var second = harness.Server.Enqueue("\"second\""u8.ToArray());

        await harness.RunUntilIdleAsync();

        Assert.Equal("\"second\"", Encoding.UTF8.GetString((await harness.Server.WaitForOutcomeAsync(second, Wait)).Body));
        Assert.Contains("refused the answer", harness.Log);
    }

    [Fact]
    public async Task Run_WhenNextAnswers500_ExitsPromptlyWithNonZeroCode()
    {
        var app = new TestApplication(TestFunction.Sync("f", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "f");
        harness.Server.ForceStatus(RuntimeApiEndpoint.Next, 500, "{\"errorMessage\":\"shutting down\"}");

        var exit = await harness.RunAsync().WaitAsync(Wait);

        Assert.Equal(1, exit);
        Assert.Contains("shutting down", harness.Log);
    }

    [Fact]
    public async Task Run_WhenResponsePostAnswers500_ExitsWithNonZeroCode()
    {
        var app = new TestApplication(TestFunction.Sync("f", p => p));
        await using var harness = await RuntimeHarness.StartAsync(app, Blocking, "f");
        harness.Server.ForceStatus(RuntimeApiEndpoint.Response, 500, "{\"errorMessage\":\"broken\"}");
        harness.Server.Enqueue("\"x\""u8.ToArray());

        var exit = await harness.RunAsync().WaitAsync(Wait);

        Assert.Equal(1, exit);
        Assert.Contains("broken", harness.Log);
    }
}

public sealed class LambdaRuntimeAsyncClientTests : LambdaRuntimeTests
{
    protected override bool Blocking => false;
}

public sealed class LambdaRuntimeBlockingClientTests : LambdaRuntimeTests
{
    protected override bool Blocking => true;
}
