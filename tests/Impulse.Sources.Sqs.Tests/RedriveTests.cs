using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class RedriveTests
{
    private static readonly RedrivePolicy ToDeadLetters = new("orders-dlq", maxReceiveCount: 2);

    [Fact]
    public async Task Message_received_max_receive_count_times_moves_to_the_dead_letter_queue_on_its_next_receive()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue("orders", ToDeadLetters);
        var id = await queue.SendAsync("poison");
        var deadLetters = endpoint.Queue("orders-dlq");

        for (var receive = 1; receive <= ToDeadLetters.MaxReceiveCount; receive++)
        {
            var message = Assert.Single(await queue.ReceiveNow());
            Assert.Equal(receive, message.ReceiveCount);
            Assert.True(await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero));
        }

        Assert.Empty(await queue.ReceiveNow());
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
        var dead = Assert.Single(await deadLetters.ReceiveWithin(QueueAssert.Long));
        Assert.Equal(id, dead.MessageId);
        Assert.Equal("poison", dead.GetBodyText());
        // SQS names the source queue by its ARN, which ends with the queue's name.
        Assert.EndsWith(":" + endpoint.QueueName("orders"), dead.Attributes[SystemAttributeNames.DeadLetterQueueSourceArn], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Poison_message_does_not_block_the_messages_behind_it()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue("orders", ToDeadLetters);
        await queue.SendAsync("poison");
        for (var receive = 0; receive < ToDeadLetters.MaxReceiveCount; receive++)
        {
            var poison = Assert.Single(await queue.ReceiveNow(max: 1));
            await queue.ChangeVisibilityAsync(poison.ReceiptHandle, TimeSpan.Zero);
        }

        await queue.SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b"), OutgoingMessage.FromText("c")]);

        var good = new List<ReceivedMessage>();
        while (good.Count < 3 && await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(1)) is { Count: > 0 } batch)
        {
            good.AddRange(batch);
        }

        Assert.Equal(["a", "b", "c"], good.Bodies().Order(StringComparer.Ordinal));
        Assert.Equal(["poison"], (await endpoint.Queue("orders-dlq").ReceiveWithin(QueueAssert.Long)).Bodies());
    }

    [Fact]
    public async Task Long_poll_on_the_dead_letter_queue_wakes_when_a_message_is_moved_there()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue("orders", new RedrivePolicy("orders-dlq", maxReceiveCount: 1));
        await queue.SendAsync("poison");
        var deadLetters = endpoint.Queue("orders-dlq");
        var message = Assert.Single(await queue.ReceiveNow());
        await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero);

        var waiting = deadLetters.ReceiveWithin(QueueAssert.Long).AsTask();
        await Task.Delay(200);
        await queue.ReceiveNow();

        Assert.Equal(["poison"], (await waiting.WaitAsync(TimeSpan.FromSeconds(12))).Bodies());
    }

    [Fact]
    public async Task Existing_queue_with_the_declared_redrive_policy_is_accepted()
    {
        await using var endpoint = TestEndpoint.Create();
        await endpoint.Queue("orders", ToDeadLetters).GetStatisticsAsync();

        var again = endpoint.Queue("orders", ToDeadLetters);

        Assert.Equal(new QueueStatistics(0, 0, 0), await again.GetStatisticsAsync());
    }
}
