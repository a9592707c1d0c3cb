using Impulse.Sources.Redis.Tests.Infrastructure;
using StackExchange.Redis;

namespace Impulse.Sources.Redis.Tests;

/// <summary>What the queue leaves in Redis, and how it copes when someone changes that behind its back.</summary>
[Collection(RedisCollection.Name)]
public sealed class ServerStateTests(RedisServer redis)
{
    [Fact]
    public async Task Messages_are_stream_entries_read_through_one_consumer_group()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        var id = await queue.SendAsync("hello", new Dictionary<string, MessageAttributeValue> { ["a"] = MessageAttributeValue.String("b") });
        var database = redis.Admin.GetDatabase();
        var stream = $"{test.Prefix}:orders";

        var entry = Assert.Single(await database.StreamRangeAsync(stream));
        var fields = entry.Values.ToDictionary(v => (string)v.Name!, v => (string)v.Value!);
        Assert.Equal(id, fields["id"]);
        Assert.Equal("hello", fields["body"]);
        Assert.Equal("""{"a":{"DataType":"String","StringValue":"b"}}""", fields["attrs"]);
        Assert.True(long.TryParse(fields["sent"], out _));
        Assert.Equal("impulse", Assert.Single(await database.StreamGroupInfoAsync(stream)).Name);

        var message = Assert.Single(await queue.ReceiveNow());
        var pending = await database.StreamPendingAsync(stream, "impulse");
        Assert.Equal(1, pending.PendingMessageCount);
        Assert.Equal(((RedisQueueSource)queue).ConsumerName, (string)Assert.Single(pending.Consumers).Name!);

        await queue.DeleteAsync([message.ReceiptHandle]);
        Assert.Equal(0, await database.StreamLengthAsync(stream));
        Assert.Equal(0, (await database.StreamPendingAsync(stream, "impulse")).PendingMessageCount);
        // Nothing but the (empty) stream, which keeps the group, is left behind.
        var keys = redis.Admin.GetServer(redis.Admin.GetEndPoints()[0]).Keys(pattern: test.Prefix + ":*").Select(k => (string)k!).ToList();
        Assert.Equal([stream], keys);
    }

    [Fact]
    public async Task Disposed_source_removes_its_consumer_only_when_it_holds_no_message()
    {
        await using var test = TestQueues.Create(redis);
        var database = redis.Admin.GetDatabase();
        var stream = $"{test.Prefix}:orders";
        var idle = test.Queue();
        var holding = test.Queue();
        // The idle one has processed a message and deleted it; the other still holds one.
        await idle.SendAsync("done");
        Assert.True(await idle.DeleteAsync(Assert.Single(await idle.ReceiveNow()).ReceiptHandle));
        await idle.SendAsync("x");
        Assert.Single(await holding.ReceiveAsync(1, TimeSpan.FromMilliseconds(200), TimeSpan.Zero));
        Assert.Equal(2, (await database.StreamConsumerInfoAsync(stream, "impulse")).Length);

        await idle.DisposeAsync();
        await holding.DisposeAsync();

        var consumers = (await database.StreamConsumerInfoAsync(stream, "impulse")).Select(c => (string)c.Name!).ToList();
        Assert.Equal([((RedisQueueSource)holding).ConsumerName], consumers);
        // The message it held is not lost with it: it comes back when its visibility timeout ends.
        var again = Assert.Single(await test.Queue().ReceiveWithin(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Flushed_script_cache_is_refilled_without_an_error()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        await queue.SendAsync("before");

        await redis.Admin.GetServer(redis.Admin.GetEndPoints()[0]).ScriptFlushAsync();
        await queue.SendAsync("after");

        Assert.Equal(["before", "after"], (await queue.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Stream_deleted_by_hand_comes_back_with_its_group_on_the_next_send()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        await queue.SendAsync("lost");
        await redis.Admin.GetDatabase().KeyDeleteAsync($"{test.Prefix}:orders");

        await queue.SendAsync("kept");

        Assert.Equal(["kept"], (await queue.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Group_destroyed_by_hand_is_created_again_and_still_delivers_what_the_stream_holds()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        await queue.SendAsync("waiting");
        await redis.Admin.GetDatabase().StreamDeleteConsumerGroupAsync($"{test.Prefix}:orders", "impulse");

        Assert.Equal(["waiting"], (await queue.ReceiveNow()).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Entry_deleted_by_hand_while_in_flight_is_forgotten_not_redelivered_empty()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        await queue.SendBatchAsync([OutgoingMessage.FromText("gone"), OutgoingMessage.FromText("kept")]);
        var received = await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(100), TimeSpan.Zero);
        var entryId = received[0].ReceiptHandle.Split('.')[0];
        await redis.Admin.GetDatabase().StreamDeleteAsync($"{test.Prefix}:orders", [entryId]);
        await Task.Delay(300);

        Assert.Equal(["kept"], (await queue.ReceiveNow()).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
    }
}
