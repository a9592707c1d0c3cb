using System.Diagnostics;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using Impulse.Sources;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Polling;

public sealed class PollerTests
{
    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static Task SendAsync(TestHost host, string queue, IEnumerable<string> bodies) =>
        host.Handle.GetQueue(queue).SendBatchAsync(bodies.Select(b => OutgoingMessage.FromText(b)).ToList()).AsTask();

    private static async Task EmptiedAsync(IQueueSource queue, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (await queue.GetStatisticsAsync() is var s && (s.ApproximateNumberOfMessages, s.ApproximateNumberOfMessagesNotVisible) != (0, 0))
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"Timed out waiting for {what}: {s}.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Backlog_LargerThanBatchSize_InvokedInBatchesOfAtMostBatchSize()
    {
        await using var host = await TestHost.StartAsync();
        var key = NewKey();

        await SendAsync(host, "sized", Enumerable.Range(0, 10).Select(i => $"{key}:{i}"));

        await Eventually.TrueAsync(() => QueueFunctions.Seen.Of(key).Count == 10, "every message");
        var sizes = QueueFunctions.Batches.Of(key);
        Assert.All(sizes, size => Assert.InRange(size, 1, 4));
        Assert.Contains(4, sizes);
        Assert.Equal(10, sizes.Sum());
        Assert.All(QueueFunctions.Seen.Of(key), r =>
        {
            Assert.Equal("aws:sqs", r.EventSource);
            Assert.Equal("arn:aws:sqs:local:000000000000:sized", r.EventSourceArn);
            Assert.Equal("local", r.AwsRegion);
            Assert.Equal(32, r.Md5OfBody.Length);
        });
        await EmptiedAsync(host.Handle.GetQueue("sized"), "the handled messages to be deleted");
    }

    [Fact]
    public async Task OneMessage_BatchNotFull_WaitsOutTheBatchingWindow()
    {
        await using var host = await TestHost.StartAsync();
        var key = NewKey();
        var clock = Stopwatch.StartNew();

        await SendAsync(host, "sized", [$"{key}:only"]);

        await Eventually.TrueAsync(() => QueueFunctions.Seen.Of(key).Count == 1, "the message");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"Invoked after {clock.Elapsed}, inside the one-second batching window.");
        Assert.Equal([1], QueueFunctions.Batches.Of(key));
    }

    [Fact]
    public async Task PartialBatchFailure_FailedMessageReturnsWithReceiveCount2_SucceededOneDeleted()
    {
        // The batch is held for its one-second window before the call: two seconds of visibility left a busy machine
        // too little time to delete the message that succeeded before it came back.
        await using var host = await TestHost.StartAsync(o => o.QueueVisibilityTimeout = TimeSpan.FromSeconds(5));
        var key = NewKey();

        await SendAsync(host, "partial", [$"{key}:a-ok", $"{key}:b-fail"]);

        await Eventually.TrueAsync(() => QueueFunctions.Seen.Of(key).Count(r => r.Body.EndsWith("fail", StringComparison.Ordinal)) == 2, "the failed message to come back");
        var seen = QueueFunctions.Seen.Of(key);
        Assert.Equal(["1", "2"], seen.Where(r => r.Body.EndsWith("fail", StringComparison.Ordinal)).Select(r => r.Attributes["ApproximateReceiveCount"]));
        Assert.Single(seen, r => r.Body.EndsWith("ok", StringComparison.Ordinal));
        await EmptiedAsync(host.Handle.GetQueue("partial"), "both messages to be deleted");
    }

    [Fact]
    public async Task PoisonMessage_FailsEveryTime_GoesToDeadLetterQueueAfterMaxRetryAttemptsPlusOneWithoutBlockingOthers()
    {
        await using var host = await TestHost.StartAsync();
        var key = NewKey();
        var poison = $"{key}:poison";

        await SendAsync(host, "poisoned", [$"{key}:1", poison, $"{key}:2"]);
        await Eventually.TrueAsync(() => Calls.Count(poison) == 1, "the first attempt");
        await SendAsync(host, "poisoned", [$"{key}:3"]);

        await Eventually.TrueAsync(() => Calls.Count($"{key}:3") == 1, "the message sent after the poison");
        Assert.Equal(1, Calls.Count(poison));
        var deadLetters = await host.Handle.GetQueue("poisoned-dlq").ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(15));
        var dead = Assert.Single(deadLetters);
        Assert.Equal(poison, dead.GetBodyText());
        // maxRetryAttempts 1: the first attempt and one retry, then the dead-letter queue.
        Assert.Equal(2, Calls.Count(poison));
        Assert.Equal(1, Calls.Count($"{key}:1"));
        Assert.Equal(1, Calls.Count($"{key}:2"));
    }

    [Fact]
    public async Task PoisonMessage_RedriveInConfiguration_GoesToDeadLetterQueueAfterTheConfiguredReceiveCount()
    {
        // Configuration wins over the trigger's MaxRetryAttempts = 1 (two receives).
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Impulse:Sources:Queues:poisoned:Redrive:DeadLetterQueue"] = "poisoned-dlq",
            ["Impulse:Sources:Queues:poisoned:Redrive:MaxReceiveCount"] = "3",
        }).Build();
        await using var host = await TestHost.StartAsync(o => o.Configuration = configuration);
        var poison = $"{NewKey()}:poison";

        await SendAsync(host, "poisoned", [poison]);

        var deadLetters = await host.Handle.GetQueue("poisoned-dlq").ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(20));
        Assert.Equal(poison, Assert.Single(deadLetters).GetBodyText());
        Assert.Equal(3, Calls.Count(poison));
        await EmptiedAsync(host.Handle.GetQueue("poisoned"), "the source queue to be empty once the message moved");
    }

    [Fact]
    public async Task FunctionTimesOut_MessageNotDeleted_ComesBackAndSucceeds()
    {
        await using var host = await TestHost.StartAsync();
        var body = $"{NewKey()}:slow";

        await SendAsync(host, "slow", [body]);

        await Eventually.TrueAsync(() => Calls.Count(body) == 2, "the message to come back after the timeout");
        await EmptiedAsync(host.Handle.GetQueue("slow"), "the message to be deleted after the second call");
    }

    [Fact]
    public async Task Backlog_FullBatches_ConcurrencyGrowsUpToMaxConcurrency()
    {
        await using var host = await TestHost.StartAsync();
        var key = NewKey();

        await SendAsync(host, "busy", Enumerable.Range(0, 10).Select(i => $"{key}:{i}"));
        await SendAsync(host, "busy", Enumerable.Range(10, 10).Select(i => $"{key}:{i}"));

        await Eventually.TrueAsync(() => Calls.Count(key) == 20, "every message", TimeSpan.FromSeconds(30));
        Assert.InRange(QueueFunctions.Peaks[key], 2, 3);
        var poller = Assert.Single(host.Handle.Pollers, p => p.Queue == "busy");
        Assert.Equal(3, poller.MaxConcurrency);
        Assert.InRange(poller.PeakConcurrency, 2, 3);
        // Empty receives retire the extra workers.
        await Eventually.TrueAsync(() => poller.Concurrency == 1, "the poller to scale back down");
    }

    [Fact]
    public async Task Stop_BatchInFlight_FinishesItAndDeletesTheMessage()
    {
        var host = await TestHost.StartAsync();
        var latch = NewKey();
        await SendAsync(host, "held", [latch]);
        await Latches.Get(latch).Started.WaitAsync(TimeSpan.FromSeconds(15));

        var stopping = host.StopAsync();
        await Task.Delay(300);
        Assert.False(stopping.IsCompleted, "The host stopped before its batch in flight finished.");
        Latches.Get(latch).Release();
        await stopping.WaitAsync(TimeSpan.FromSeconds(15));

        await using var after = await TestHost.StartAsync(o => o.RunAsyncInvocations = false, host.Folder);
        var statistics = await after.Handle.GetQueue("held").GetStatisticsAsync();
        Assert.Equal(new QueueStatistics(0, 0, 0), statistics);
    }

    [Fact]
    public async Task Stop_MessageReceivedButNotYetInvoked_IsVisibleAgainAtOnce()
    {
        // A long visibility: only the stop itself can make the message visible again within the test.
        var host = await TestHost.StartAsync(o => o.QueueVisibilityTimeout = TimeSpan.FromMinutes(5));
        var body = $"{NewKey()}:gathered";
        await SendAsync(host, "gathering", [body]);
        var queue = host.Handle.GetQueue("gathering");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await queue.GetStatisticsAsync()).ApproximateNumberOfMessagesNotVisible != 1)
        {
            Assert.True(DateTime.UtcNow < deadline, "The poller never received the message.");
            await Task.Delay(20);
        }

        await host.StopAsync();

        Assert.Equal(0, Calls.Count(body));
        await using var after = await TestHost.StartAsync(o => o.RunAsyncInvocations = false, host.Folder);
        Assert.Equal(new QueueStatistics(1, 0, 0), await after.Handle.GetQueue("gathering").GetStatisticsAsync());
    }
}
