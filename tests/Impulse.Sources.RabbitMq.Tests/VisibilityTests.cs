using System.Diagnostics;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class VisibilityTests
{
    // Long enough that a busy machine never lets it lapse between two steps that assume it has not.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Undeleted_message_returns_after_its_visibility_timeout_with_receive_count_incremented()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var clock = Stopwatch.StartNew();
        var first = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));

        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
        var second = Assert.Single(await queue.ReceiveWithin(Short));

        Assert.True(clock.Elapsed >= Short - TimeSpan.FromMilliseconds(5), $"came back after {clock.Elapsed}");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ReceiveCount);
        Assert.Equal("2", second.Attributes[SystemAttributeNames.ApproximateReceiveCount]);
        Assert.Equal(first.FirstReceiveTimestamp, second.FirstReceiveTimestamp);
        Assert.Equal(first.SentTimestamp, second.SentTimestamp);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
    }

    [Fact]
    public async Task Change_visibility_to_zero_returns_the_message_at_once()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var first = Assert.Single(await queue.ReceiveNow());

        Assert.True(await queue.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero));
        var again = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Change_visibility_extends_the_time_a_message_stays_hidden()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));

        Assert.True(await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(30)));
        await Task.Delay(Short * 2);

        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
        Assert.True(await queue.DeleteAsync(message.ReceiptHandle));
    }

    [Fact]
    public async Task Stale_receipt_handle_neither_deletes_nor_hides_the_newer_delivery()
    {
        await using var broker = TestBroker.Create();
        var first = broker.Queue();
        var second = broker.Queue(factory: broker.NewFactory());
        await first.SendAsync("x");
        var stale = Assert.Single(await first.ReceiveAsync(10, Short, TimeSpan.Zero));
        // Another consumer receives it after the first one's visibility timeout ran out.
        var current = Assert.Single(await second.ReceiveWithin(QueueAssert.Long));

        Assert.Equal(0, await first.DeleteAsync([stale.ReceiptHandle]));
        Assert.False(await first.ChangeVisibilityAsync(stale.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(0, await second.DeleteAsync([stale.ReceiptHandle]));
        Assert.Equal(new QueueStatistics(0, 1, 0), await second.GetStatisticsAsync());

        Assert.True(await second.DeleteAsync(current.ReceiptHandle));
        await second.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
    }

    [Fact]
    public async Task Receipt_handle_goes_stale_when_its_visibility_timeout_returns_the_message_unlike_sqs()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(50), TimeSpan.Zero));
        await Task.Delay(300);

        // The timer nacked the delivery, and AMQP cannot ack what it gave back: SQS would still accept this handle.
        Assert.False(await queue.DeleteAsync(message.ReceiptHandle));
        var again = Assert.Single(await queue.ReceiveNow());
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Delayed_message_stays_hidden_until_its_delay_ends()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        var delay = TimeSpan.FromSeconds(1.5);
        var clock = Stopwatch.StartNew();
        await queue.SendAsync("later", delay: delay);
        await queue.SendAsync("now");

        Assert.Equal(["now"], (await queue.ReceiveNow()).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 1), await queue.GetStatisticsAsync());
        var later = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        Assert.Equal("later", later.GetBodyText());
        Assert.Equal(1, later.ReceiveCount);
        Assert.InRange(clock.Elapsed, delay - TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(8));
        Assert.False(later.Attributes.ContainsKey(SystemAttributeNames.DeadLetterQueueSourceArn));
    }

    [Fact]
    public async Task Shorter_delay_sent_after_a_longer_one_is_not_held_behind_it()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        var clock = Stopwatch.StartNew();
        await queue.SendBatchAsync([OutgoingMessage.FromText("slow", delay: TimeSpan.FromSeconds(30)), OutgoingMessage.FromText("fast", delay: TimeSpan.FromMilliseconds(300))]);

        var fast = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        Assert.Equal("fast", fast.GetBodyText());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(new QueueStatistics(0, 1, 1), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Visibility_beyond_the_brokers_consumer_timeout_is_rejected()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue(settings: new() { [RabbitMqQueueSourceFactory.ConsumerTimeoutSetting] = "60" });
        await queue.SendAsync("x");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(1, TimeSpan.FromSeconds(61), TimeSpan.Zero));
        var message = Assert.Single(await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(61)));
        Assert.True(await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(50)));
    }
}
