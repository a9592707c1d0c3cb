using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class RedriveTests
{
    private static readonly RedrivePolicy ToDeadLetters = new("orders-dlq", maxReceiveCount: 2);

    [Fact]
    public async Task Message_received_max_receive_count_times_moves_to_the_dead_letter_queue_on_its_next_receive()
    {
        await using var test = TestDatabase.Create();
        var queue = test.Queue("orders", ToDeadLetters);
        var deadLetters = test.Queue("orders-dlq");
        var id = await queue.SendAsync("poison");

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
        Assert.Equal(1, dead.ReceiveCount);
        Assert.Equal("orders", dead.Attributes[SystemAttributeNames.DeadLetterQueueSourceArn]);
    }

    [Fact]
    public async Task Poison_message_at_the_head_does_not_block_the_messages_behind_it()
    {
        await using var test = TestDatabase.Create();
        var queue = test.Queue("orders", ToDeadLetters);
        await queue.SendAsync("poison");
        for (var receive = 0; receive < ToDeadLetters.MaxReceiveCount; receive++)
        {
            var poison = Assert.Single(await queue.ReceiveNow(max: 1));
            await queue.ChangeVisibilityAsync(poison.ReceiptHandle, TimeSpan.Zero);
        }

        // Visibility is kept in milliseconds; the pause puts the poison message strictly first in line.
        await Task.Delay(20);
        await queue.SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b"), OutgoingMessage.FromText("c")]);

        Assert.Equal(["a"], (await queue.ReceiveNow(max: 1)).Bodies());
        Assert.Equal(["b", "c"], (await queue.ReceiveNow(max: 10)).Bodies());
        Assert.Equal(["poison"], (await test.Queue("orders-dlq").ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Poison_messages_beyond_the_receive_window_are_skipped_then_moved()
    {
        await using var test = TestDatabase.Create();
        var queue = test.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        await queue.SendBatchAsync([.. Enumerable.Range(0, 5).Select(i => OutgoingMessage.FromText($"poison{i}"))]);
        foreach (var message in await queue.ReceiveNow())
        {
            await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        await Task.Delay(20);
        await queue.SendAsync("good");

        // A one-message window moves only poison0, but the receive still skips poison1..4 to deliver "good".
        Assert.Equal(["good"], (await queue.ReceiveNow(max: 1)).Bodies());
        Assert.Equal(new QueueStatistics(4, 1, 0), await queue.GetStatisticsAsync());
        // The next receives move the rest as they reach the head of the queue.
        Assert.Empty(await queue.ReceiveNow(max: 10));
        Assert.Equal(5, (await test.Queue("orders-dlq").ReceiveNow()).Count);
    }

    [Fact]
    public async Task Long_poll_on_the_dead_letter_queue_wakes_when_a_message_is_moved_there()
    {
        await using var test = TestDatabase.Create();
        var queue = test.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        var deadLetters = test.Queue("orders-dlq");
        await queue.SendAsync("poison");
        var message = Assert.Single(await queue.ReceiveNow());
        await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);

        var waiting = deadLetters.ReceiveWithin(QueueAssert.Long).AsTask();
        await Task.Delay(100);
        Assert.Empty(await queue.ReceiveNow());

        Assert.Equal(["poison"], (await waiting.WaitAsync(TimeSpan.FromSeconds(8))).Bodies());
    }

    [Fact]
    public async Task A_queue_cannot_be_its_own_dead_letter_queue()
    {
        await using var test = TestDatabase.Create();

        Assert.Throws<ArgumentException>(() => test.Queue("orders", new RedrivePolicy("orders", 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RedrivePolicy("dlq", 0));
    }
}
