using System.Diagnostics;
using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class LongPollTests
{
    [Fact]
    public async Task Waiting_receive_wakes_when_a_message_is_sent_in_process()
    {
        // The 30 s poll interval means only the in-process signal can explain a prompt return.
        await using var test = TestDatabase.Create(pollInterval: TimeSpan.FromSeconds(30));
        var queue = test.Queue();
        var clock = Stopwatch.StartNew();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();

        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await test.Queue().SendAsync("wake up");

        var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["wake up"], received.Bodies());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiting_receive_returns_empty_when_its_wait_time_ends()
    {
        await using var test = TestDatabase.Create();
        var wait = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var received = await test.Queue().ReceiveAsync(10, QueueAssert.Long, wait);

        Assert.Empty(received);
        Assert.InRange(clock.Elapsed, wait - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Waiting_receive_sees_a_message_sent_by_another_connection_within_the_poll_interval()
    {
        // Another database instance on the same file stands in for another process: no shared signal.
        await using var test = TestDatabase.Create(pollInterval: TimeSpan.FromMilliseconds(100));
        await using var other = EmbeddedQueueDatabase.Open(new EmbeddedQueueOptions { DatabasePath = test.Path });
        var waiting = test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(150);

        await other.GetQueue("orders").SendAsync("from elsewhere");

        Assert.Equal(["from elsewhere"], (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Bodies());
    }

    [Fact]
    public async Task Cancelling_a_waiting_receive_throws_operation_canceled()
    {
        await using var test = TestDatabase.Create();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20), cancel.Token));
    }

    [Fact]
    public async Task Disposing_the_database_ends_waiting_receives_with_object_disposed()
    {
        var test = TestDatabase.Create();
        var waiting = test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(100);

        await test.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await test.Queue().SendAsync("late"));
    }
}
