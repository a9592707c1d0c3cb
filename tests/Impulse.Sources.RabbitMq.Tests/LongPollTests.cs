using System.Diagnostics;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class LongPollTests
{
    [Fact]
    public async Task Waiting_receive_wakes_when_another_connection_sends_a_message()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync();
        var clock = Stopwatch.StartNew();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();

        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await broker.Queue(factory: broker.NewFactory()).SendAsync("wake up");

        var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["wake up"], received.Bodies());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiting_receive_returns_empty_when_its_wait_time_ends()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync();
        var wait = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var received = await queue.ReceiveAsync(10, QueueAssert.Long, wait);

        Assert.Empty(received);
        Assert.InRange(clock.Elapsed, wait - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Waiting_receive_takes_no_more_than_it_asked_for_and_leaves_the_rest_visible()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync();
        var waiting = queue.ReceiveAsync(3, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);

        await broker.Queue(factory: broker.NewFactory()).SendBatchAsync([.. Enumerable.Range(0, 10).Select(i => OutgoingMessage.FromText($"m{i}"))]);

        var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.InRange(received.Count, 1, 3);
        await queue.AssertStatisticsAsync(new QueueStatistics(10 - received.Count, received.Count, 0));
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
    }

    [Fact]
    public async Task Messages_that_arrive_as_a_long_poll_ends_keep_the_receive_count_of_messages_never_received()
    {
        // A quorum queue counts a delivery still on its way to a cancelled consumer as returned: a consumer with a
        // prefetch of the batch size would raise the counts of messages that nobody received.
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        var sender = broker.Queue(factory: broker.NewFactory());
        await queue.GetStatisticsAsync();
        for (var round = 0; round < 10; round++)
        {
            var waiting = queue.ReceiveAsync(3, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
            await Task.Delay(50);
            // One at a time, so messages keep arriving while the receive cancels its consumer.
            for (var i = 0; i < 10; i++)
            {
                await sender.SendAsync($"{round}-{i}");
            }

            var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

            var rest = await sender.ReceiveNow(max: 20);
            Assert.Equal(10, received.Count + rest.Count);
            Assert.All(received.Concat(rest), m => Assert.Equal(1, m.ReceiveCount));
            await queue.DeleteAsync(received.Handles());
            await sender.DeleteAsync(rest.Handles());
        }
    }

    [Fact]
    public async Task Cancelling_a_waiting_receive_throws_operation_canceled()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20), cancel.Token));
        await queue.SendAsync("after");
        Assert.Equal(["after"], (await queue.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Disposing_the_queue_ends_waiting_receives_with_object_disposed()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);

        await queue.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await queue.SendAsync("late"));
    }
}
