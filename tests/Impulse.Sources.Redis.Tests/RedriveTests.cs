using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class RedriveTests(RedisServer redis)
{
    private static readonly RedrivePolicy ToDeadLetters = new("orders-dlq", maxReceiveCount: 2);

    [Fact]
    public async Task Message_received_max_receive_count_times_moves_to_the_dead_letter_queue_on_its_next_receive()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("orders", ToDeadLetters);
        var deadLetters = test.Queue("orders-dlq");
        var attributes = new Dictionary<string, MessageAttributeValue> { ["tenant"] = MessageAttributeValue.String("acme") };
        var id = await queue.SendAsync("poison", attributes);

        for (var receive = 1; receive <= ToDeadLetters.MaxReceiveCount; receive++)
        {
            var message = Assert.Single(await queue.ReceiveNow());
            Assert.Equal(receive, message.ReceiveCount);
            await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
        var dead = Assert.Single(await deadLetters.ReceiveNow());
        Assert.Equal(id, dead.MessageId);
        Assert.Equal("poison", dead.GetBodyText());
        Assert.Equal("acme", dead.MessageAttributes["tenant"].StringValue);
        Assert.Equal(1, dead.ReceiveCount);
        Assert.Equal("orders", dead.Attributes[SystemAttributeNames.DeadLetterQueueSourceArn]);
    }

    [Fact]
    public async Task Message_whose_visibility_expires_is_moved_once_it_used_up_its_receives()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        await queue.SendAsync("slow");
        Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMilliseconds(100), TimeSpan.Zero));
        await Task.Delay(300);

        Assert.Empty(await queue.ReceiveNow());

        Assert.Equal(["slow"], (await test.Queue("orders-dlq").ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Poison_message_at_the_head_does_not_block_the_messages_behind_it()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("orders", ToDeadLetters);
        await queue.SendAsync("poison");
        for (var receive = 0; receive < ToDeadLetters.MaxReceiveCount; receive++)
        {
            var poison = Assert.Single(await queue.ReceiveNow(max: 1));
            await queue.ChangeVisibilityAsync(poison.ReceiptHandle, TimeSpan.Zero);
        }

        await queue.SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b"), OutgoingMessage.FromText("c")]);

        Assert.Equal(["a"], (await queue.ReceiveNow(max: 1)).Bodies());
        Assert.Equal(["b", "c"], (await queue.ReceiveNow(max: 10)).Bodies());
        Assert.Equal(["poison"], (await test.Queue("orders-dlq").ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Poison_messages_are_moved_as_a_receive_passes_them_and_never_fill_its_batch()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        await queue.SendBatchAsync([.. Enumerable.Range(0, 5).Select(i => OutgoingMessage.FromText($"poison{i}"))]);
        foreach (var message in await queue.ReceiveNow())
        {
            await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        await queue.SendAsync("good");

        // A one-message batch still moves every poison message ahead of "good", then delivers it.
        Assert.Equal(["good"], (await queue.ReceiveNow(max: 1)).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
        var dead = await test.Queue("orders-dlq").ReceiveNow();
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => $"poison{i}")], dead.Bodies());
    }

    [Fact]
    public async Task Long_poll_on_the_dead_letter_queue_wakes_when_a_message_is_moved_there()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        // Another connection: the wake-up crosses processes through pub/sub, not through memory.
        var deadLetters = test.Open(test.NewFactory(), "orders-dlq");
        await queue.SendAsync("poison");
        var message = Assert.Single(await queue.ReceiveNow());
        await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);

        var waiting = deadLetters.ReceiveWithin(QueueAssert.Long).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        Assert.Empty(await queue.ReceiveNow());

        // The poll interval is 30 s: only the wake-up explains a prompt return.
        Assert.Equal(["poison"], (await waiting.WaitAsync(TimeSpan.FromSeconds(8))).Bodies());
    }

    [Fact]
    public async Task A_queue_cannot_be_its_own_dead_letter_queue()
    {
        await using var test = TestQueues.Create(redis);

        Assert.Throws<ArgumentException>(() => test.Queue("orders", new RedrivePolicy("orders", 3)));
        Assert.Throws<ArgumentException>(() => test.Queue("orders", new RedrivePolicy("bad:name", 3)));
    }
}
