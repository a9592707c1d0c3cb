using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class RedriveTests
{
    private static readonly RedrivePolicy ToDeadLetters = new("orders-dlq", maxReceiveCount: 2);

    [Fact]
    public async Task Message_received_max_receive_count_times_moves_to_the_dead_letter_queue()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue("orders", ToDeadLetters);
        var deadLetters = broker.Queue("orders-dlq");
        var id = await queue.SendAsync("poison");

        for (var receive = 1; receive <= ToDeadLetters.MaxReceiveCount; receive++)
        {
            var message = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));
            Assert.Equal(receive, message.ReceiveCount);
            Assert.True(await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero));
        }

        var dead = Assert.Single(await deadLetters.ReceiveWithin(QueueAssert.Long));
        Assert.Empty(await queue.ReceiveNow());
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
        Assert.Equal(id, dead.MessageId);
        Assert.Equal("poison", dead.GetBodyText());
        Assert.Equal(1, dead.ReceiveCount);
        Assert.Equal(broker.QueueName("orders"), dead.Attributes[SystemAttributeNames.DeadLetterQueueSourceArn]);
    }

    [Fact]
    public async Task Visibility_timeouts_that_run_out_count_as_receives_too()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        var deadLetters = broker.Queue("orders-dlq");
        await queue.SendAsync("slow");

        Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromMilliseconds(100), TimeSpan.Zero));

        Assert.Equal(["slow"], (await deadLetters.ReceiveWithin(QueueAssert.Long)).Bodies());
        Assert.Empty(await queue.ReceiveNow());
    }

    [Fact]
    public async Task Poison_message_at_the_head_does_not_block_the_messages_behind_it()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue("orders", ToDeadLetters);
        await queue.SendAsync("poison");
        for (var receive = 0; receive < ToDeadLetters.MaxReceiveCount; receive++)
        {
            var poison = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long, max: 1));
            await queue.ChangeVisibilityAsync(poison.ReceiptHandle, TimeSpan.Zero);
        }

        await queue.SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b"), OutgoingMessage.FromText("c")]);

        Assert.Equal(["a"], (await queue.ReceiveNow(max: 1)).Bodies());
        Assert.Equal(["b", "c"], (await queue.ReceiveNow(max: 10)).Bodies());
        Assert.Equal(["poison"], (await broker.Queue("orders-dlq").ReceiveWithin(QueueAssert.Long)).Bodies());
    }

    [Fact]
    public async Task Every_poison_message_moves_at_the_return_that_exhausts_it_not_at_a_later_receive()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        var deadLetters = broker.Queue("orders-dlq");
        await queue.SendBatchAsync([.. Enumerable.Range(0, 5).Select(i => OutgoingMessage.FromText($"poison{i}"))]);
        foreach (var message in await queue.ReceiveNow())
        {
            await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);
        }

        await queue.SendAsync("good");

        // SQS moves a message when a receive reaches it; a quorum queue dead-letters it as soon as it is returned.
        Assert.Equal(["good"], (await queue.ReceiveNow(max: 1)).Bodies());
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 1, 0));
        var dead = new List<ReceivedMessage>();
        while (dead.Count < 5 && await deadLetters.ReceiveWithin(QueueAssert.Long) is { Count: > 0 } batch)
        {
            dead.AddRange(batch);
        }

        Assert.Equal(5, dead.Count);
    }

    [Fact]
    public async Task Long_poll_on_the_dead_letter_queue_wakes_when_a_message_is_moved_there()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        var deadLetters = broker.Queue("orders-dlq");
        await queue.SendAsync("poison");
        var message = Assert.Single(await queue.ReceiveNow());

        var waiting = deadLetters.ReceiveWithin(QueueAssert.Long).AsTask();
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);

        Assert.Equal(["poison"], (await waiting.WaitAsync(TimeSpan.FromSeconds(8))).Bodies());
    }

    [Fact]
    public async Task Dead_letter_queue_declared_first_with_a_redrive_of_its_own_is_left_as_it_is()
    {
        await using var broker = TestBroker.Create();
        var deadLetters = broker.Queue("orders-dlq", new RedrivePolicy("orders-dlq-dlq", maxReceiveCount: 5));
        await deadLetters.GetStatisticsAsync();
        var queue = broker.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));

        await queue.SendAsync("poison");
        var message = Assert.Single(await queue.ReceiveNow());
        await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);

        Assert.Equal(["poison"], (await deadLetters.ReceiveWithin(QueueAssert.Long)).Bodies());
    }

    [Fact]
    public async Task A_queue_cannot_be_its_own_dead_letter_queue()
    {
        await using var broker = TestBroker.Create();

        Assert.Throws<ArgumentException>(() => broker.Queue("orders", new RedrivePolicy("orders", 3)));
    }
}
