using System.Diagnostics;
using System.Net;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary><c>Event</c> invocations: queued durably, retried twice, then dead-lettered, as Lambda does.</summary>
public sealed class AsyncInvocationTests
{
    [Fact]
    public async Task EventInvocation_FunctionAlwaysFails_CalledThreeTimesThenDeadLettered()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        var payload = $$"""{"key":"{{key}}"}""";

        using var response = await host.InvokeAsync("always-fails", payload, "Event");
        var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();

        var deadLetters = host.Handle.GetDeadLetterQueue("always-fails")!;
        var received = await ReceiveOneAsync(deadLetters);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(3, Calls.Count(key));
        Assert.Equal(payload, received.GetBodyText());
        Assert.Equal(requestId, received.MessageAttributes["RequestID"].StringValue);
        Assert.Equal("200", received.MessageAttributes["ErrorCode"].StringValue);
        Assert.Equal($"failure 3 of {key}", received.MessageAttributes["ErrorMessage"].StringValue);
        await Task.Delay(300);
        Assert.Equal(3, Calls.Count(key));
    }

    [Fact]
    public async Task EventInvocation_RetryDelays_SpaceTheAttempts()
    {
        await using var host = await TestHost.StartAsync(o => o.AsyncRetryDelays = [TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(800)]);
        var key = Guid.NewGuid().ToString();

        using var response = await host.InvokeAsync("always-fails", $$"""{"key":"{{key}}"}""", "Event");
        await Eventually.TrueAsync(() => Calls.Count(key) == 3, "both retries");

        var times = Calls.Times(key);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[1]) >= TimeSpan.FromMilliseconds(400), "the first retry came before its delay");
        Assert.True(Stopwatch.GetElapsedTime(times[1], times[2]) >= TimeSpan.FromMilliseconds(800), "the second retry came before its delay");
    }

    [Fact]
    public async Task EventInvocation_FunctionFailsOnce_RetriedOnceAndNotDeadLettered()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();

        using var response = await host.InvokeAsync("fails-once", $$"""{"key":"{{key}}"}""", "Event");

        await Eventually.TrueAsync(() => Calls.Count(key) == 2, "the retry");
        await Task.Delay(500);
        Assert.Equal(2, Calls.Count(key));
        var deadLetters = await host.Handle.GetDeadLetterQueue("fails-once")!.ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.Zero);
        Assert.Empty(deadLetters);
    }

    [Fact]
    public async Task EventInvocation_AcceptedButNotRunBeforeStop_RunsOnNextStart()
    {
        var folder = Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", Guid.NewGuid().ToString("N"));
        var key = Guid.NewGuid().ToString();
        // The first host takes the event (202) but runs nothing, like a host stopped before it got to it.
        var first = await TestHost.StartAsync(o => o.RunAsyncInvocations = false, folder);
        using (var response = await first.InvokeAsync("counted", $$"""{"key":"{{key}}"}""", "Event"))
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await first.StopAsync();
        Assert.Equal(0, Calls.Count(key));

        await using var second = await TestHost.StartAsync(folder: folder);

        await Eventually.TrueAsync(() => Calls.Count(key) == 1, "the stored event to run on the next start");
    }

    [Fact]
    public async Task EventInvocation_HostStopsWhileEventWaitsForSlot_EventRunsExactlyOnce()
    {
        var folder = Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", Guid.NewGuid().ToString("N"));
        var running = Guid.NewGuid().ToString();
        var waiting = Guid.NewGuid().ToString();
        Latches.Get(waiting).Release();

        // "latched" has a reserved concurrency of 1: while the first event holds it, the second waits in the queue.
        var first = await TestHost.StartAsync(folder: folder);
        using (await first.InvokeAsync("latched", $$"""{"key":"{{running}}"}""", "Event"))
            await Latches.Get(running).Started;
        using (await first.InvokeAsync("latched", $$"""{"key":"{{waiting}}"}""", "Event"))
        {
        }

        // Stopping waits for the running invocation; the waiting one is left queued unless it got its slot first.
        var stopping = first.StopAsync();
        Latches.Get(running).Release();
        await stopping;
        var ranInFirst = Calls.Count(waiting);

        await using var second = await TestHost.StartAsync(folder: folder);

        // Whether the first host started it before its stop took hold or not, the event runs exactly once.
        await Eventually.TrueAsync(() => Calls.Count(waiting) == 1, "the waiting event to run once");
        await Task.Delay(300);
        Assert.Equal(1, Calls.Count(waiting));
        Assert.InRange(ranInFirst, 0, 1);
        Assert.Equal(1, Calls.Count(running));
    }

    [Fact]
    public async Task EventInvocation_QueueUnavailable_Returns500ServiceExceptionAndHostKeepsServing()
    {
        await using var host = await TestHost.StartAsync(o => o.AsyncQueues = new BrokenQueues());

        using var response = await host.InvokeAsync("counted", """{"key":"never"}""", "Event");
        using var sync = await host.InvokeAsync("greet", """{"name":"still here"}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("ServiceException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains(host.LogLines, l => l.Contains("the queue broker is unreachable", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, sync.StatusCode);
    }

    private static async Task<Impulse.Sources.ReceivedMessage> ReceiveOneAsync(Impulse.Sources.IQueueSource queue)
    {
        var messages = await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));
        return Assert.Single(messages);
    }
}
