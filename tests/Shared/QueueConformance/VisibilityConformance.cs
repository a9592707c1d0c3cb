using System.Diagnostics;
namespace Impulse.Sources.QueueConformance;

/// <summary>Visibility timeouts, receipt handles and delays as SQS defines them.</summary>
public abstract class VisibilityConformance : QueueConformanceTests
{
    // Long enough that a busy machine never lets it lapse between two steps that assume it has not.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Undeleted_message_returns_after_its_visibility_timeout_with_receive_count_incremented()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var clock = Stopwatch.StartNew();
        var first = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));

        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
        // The poll interval is 30 s: a return within the wait proves the receiver slept only until the deadline.
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
    public async Task Each_delivery_keeps_the_visibility_timeout_its_receive_asked_for()
    {
        // One min-idle-time for the whole queue (as Redis's XAUTOCLAIM has) would return both together or neither.
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendBatchAsync([OutgoingMessage.FromText("long"), OutgoingMessage.FromText("short")]);
        Assert.Equal(["long"], (await queue.ReceiveAsync(1, TimeSpan.FromSeconds(30), TimeSpan.Zero)).Bodies());
        Assert.Equal(["short"], (await queue.ReceiveAsync(1, TimeSpan.FromMilliseconds(300), TimeSpan.Zero)).Bodies());

        var again = await queue.ReceiveWithin(Short);

        Assert.Equal(["short"], again.Bodies());
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 2, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Change_visibility_to_zero_returns_the_message_at_once()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var first = Assert.Single(await queue.ReceiveNow());

        Assert.True(await queue.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(1, 0, 0), await queue.GetStatisticsAsync());
        var again = Assert.Single(await queue.ReceiveNow());

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Change_visibility_extends_the_time_a_message_stays_hidden()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));

        Assert.True(await queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.FromSeconds(30)));
        await Task.Delay(Short * 2);

        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Stale_receipt_handle_neither_deletes_nor_hides_the_newer_delivery()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var stale = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));
        // Someone else receives it after the first receiver's visibility timeout ran out.
        var current = Assert.Single(await test.Queue().ReceiveWithin(Short));

        Assert.Equal(0, await queue.DeleteAsync([stale.ReceiptHandle]));
        Assert.False(await queue.ChangeVisibilityAsync(stale.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());

        Assert.True(await queue.DeleteAsync(current.ReceiptHandle));
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Receipt_handle_still_deletes_after_its_timeout_while_nobody_received_the_message_again()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(50), TimeSpan.Zero));
        await Task.Delay(200);

        // As in SQS: the latest receive's handle stays valid until the message is received again.
        Assert.True(await queue.DeleteAsync(message.ReceiptHandle));
        Assert.False(await queue.DeleteAsync(message.ReceiptHandle));
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Delayed_message_stays_hidden_until_its_delay_ends()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        var delay = TimeSpan.FromSeconds(1.5);
        var clock = Stopwatch.StartNew();
        await queue.SendAsync("later", delay: delay);
        await queue.SendAsync("now");

        Assert.Equal(["now"], (await queue.ReceiveNow()).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 1), await queue.GetStatisticsAsync());
        // The poll interval is 30 s: a prompt return proves the receiver slept only until the delay was due.
        var later = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        Assert.Equal("later", later.GetBodyText());
        Assert.Equal(1, later.ReceiveCount);
        Assert.InRange(clock.Elapsed, delay - TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(8));
        // SQS's SentTimestamp is when the send was stored, not when the delay ended.
        Assert.True(later.FirstReceiveTimestamp - later.SentTimestamp >= delay - TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task Delayed_batch_keeps_each_message_attributes_and_is_counted_as_delayed()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        var attributes = new Dictionary<string, MessageAttributeValue> { ["kind"] = MessageAttributeValue.String("late") };
        var ids = await queue.SendBatchAsync(
        [
            OutgoingMessage.FromText("a", attributes, TimeSpan.FromMilliseconds(300)),
            OutgoingMessage.FromText("a", attributes, TimeSpan.FromMilliseconds(300)),
        ]);

        Assert.Equal(new QueueStatistics(0, 0, 2), await queue.GetStatisticsAsync());
        var received = await queue.ReceiveWithin(QueueAssert.Long);
        if (received.Count < 2)
        {
            received = [.. received, .. await queue.ReceiveNow()];
        }

        Assert.Equal(ids.Order(), received.Select(m => m.MessageId).Order());
        Assert.All(received, m => Assert.Equal("late", m.MessageAttributes["kind"].StringValue));
    }
}
