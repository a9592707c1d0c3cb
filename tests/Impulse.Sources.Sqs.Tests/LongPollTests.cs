using System.Diagnostics;
using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class LongPollTests
{
    [Fact]
    public async Task Waiting_receive_wakes_when_a_message_is_sent()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.GetStatisticsAsync();
        var clock = Stopwatch.StartNew();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();

        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await endpoint.Queue().SendAsync("wake up");

        var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["wake up"], received.Bodies());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiting_receive_returns_empty_when_its_wait_time_ends()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.GetStatisticsAsync();
        var clock = Stopwatch.StartNew();

        // Rounded up to one second: SQS long polls in whole seconds.
        var received = await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromMilliseconds(300));

        Assert.Empty(received);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Cancelling_a_waiting_receive_throws_operation_canceled()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.GetStatisticsAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20), cancel.Token));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Unreachable_endpoint_is_an_error_not_an_empty_receive()
    {
        var factory = new SqsQueueSourceFactory(new Dictionary<string, string> { [SqsQueueSourceFactory.ServiceUrlSetting] = "http://127.0.0.1:1" });
        await using var queue = factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>()));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<Exception>(async () => await queue.ReceiveAsync(1, QueueAssert.Long, TimeSpan.Zero, cancel.Token));
        factory.Dispose();
    }
}
