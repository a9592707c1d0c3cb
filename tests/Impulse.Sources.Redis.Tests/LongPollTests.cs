using System.Diagnostics;
using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

/// <summary>Every test here runs with a 30 s poll interval, so a prompt return can only come from a pub/sub wake-up
/// or a deadline the receive knew about.</summary>
[Collection(RedisCollection.Name)]
public sealed class LongPollTests(RedisServer redis)
{
    [Fact]
    public async Task Waiting_receive_wakes_when_a_message_is_sent()
    {
        await using var test = TestQueues.Create(redis);
        var clock = Stopwatch.StartNew();
        var waiting = test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();

        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await test.Queue().SendAsync("wake up");

        var received = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["wake up"], received.Bodies());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Waiting_receive_wakes_when_another_connection_sends()
    {
        await using var test = TestQueues.Create(redis);
        var waiting = test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);

        await test.Open(test.NewFactory()).SendAsync("from elsewhere");

        Assert.Equal(["from elsewhere"], (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Bodies());
    }

    [Fact]
    public async Task Waiting_receive_wakes_when_another_connection_makes_a_message_visible()
    {
        await using var test = TestQueues.Create(redis);
        var other = test.Open(test.NewFactory());
        await other.SendAsync("retry me");
        var held = Assert.Single(await other.ReceiveNow());
        var waiting = test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        Assert.True(await other.ChangeVisibilityAsync(held.ReceiptHandle, TimeSpan.Zero));

        var again = Assert.Single(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal((held.MessageId, 2), (again.MessageId, again.ReceiveCount));
    }

    [Fact]
    public async Task Waiting_receive_returns_empty_when_its_wait_time_ends()
    {
        await using var test = TestQueues.Create(redis);
        var wait = TimeSpan.FromMilliseconds(300);
        var clock = Stopwatch.StartNew();

        var received = await test.Queue().ReceiveAsync(10, QueueAssert.Long, wait);

        Assert.Empty(received);
        Assert.InRange(clock.Elapsed, wait - TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(8));
    }

    [Fact]
    public async Task Short_poll_interval_still_finds_a_message_without_any_wake_up()
    {
        // Stands in for a wake-up lost with a dropped connection: the message is added behind the queue's back.
        await using var test = TestQueues.Create(redis, pollInterval: TimeSpan.FromMilliseconds(100));
        var queue = test.Queue();
        await queue.GetStatisticsAsync();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);

        await redis.Admin.GetDatabase().StreamAddAsync($"{test.Prefix}:orders", [new("id", Guid.NewGuid().ToString()), new("body", "quiet"), new("sent", "0")]);

        Assert.Equal(["quiet"], (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Bodies());
    }

    [Fact]
    public async Task Cancelling_a_waiting_receive_throws_operation_canceled()
    {
        await using var test = TestQueues.Create(redis);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            async () => await test.Queue().ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20), cancel.Token));
    }

    [Fact]
    public async Task Disposing_the_source_ends_its_waiting_receives_with_object_disposed()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(100);

        await queue.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await queue.SendAsync("late"));
    }

    [Fact]
    public async Task Disposing_the_factory_ends_waiting_receives_with_object_disposed()
    {
        await using var test = TestQueues.Create(redis);
        var factory = test.NewFactory();
        var queue = test.Open(factory);
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(100);

        await factory.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Throws<ObjectDisposedException>(() => factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>())));
    }
}
