using System.Diagnostics;
using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class VisibilityTests
{
    // SQS counts visibility in whole seconds; one second is the shortest that hides a message at all.
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Undeleted_message_returns_after_its_visibility_timeout_with_receive_count_incremented()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");
        var clock = Stopwatch.StartNew();
        var first = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));

        Assert.Empty(await queue.ReceiveNow());
        var second = Assert.Single(await queue.ReceiveWithin(Short));

        Assert.True(clock.Elapsed >= Short - TimeSpan.FromMilliseconds(50), $"came back after {clock.Elapsed}");
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(2, second.ReceiveCount);
        Assert.Equal("2", second.Attributes[SystemAttributeNames.ApproximateReceiveCount]);
        Assert.Equal(first.FirstReceiveTimestamp, second.FirstReceiveTimestamp);
        Assert.Equal(first.SentTimestamp, second.SentTimestamp);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
    }

    [Fact]
    public async Task Sub_second_visibility_is_rounded_up_to_a_whole_second()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");
        Assert.Single(await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(100), TimeSpan.Zero));

        await Task.Delay(400);

        Assert.Empty(await queue.ReceiveNow());
    }

    [Fact]
    public async Task Change_visibility_to_zero_returns_the_message_at_once()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");
        var first = Assert.Single(await queue.ReceiveNow());

        Assert.True(await queue.ChangeVisibilityAsync(first.ReceiptHandle, TimeSpan.Zero));
        var again = Assert.Single(await queue.ReceiveNow());

        Assert.Equal(first.MessageId, again.MessageId);
        Assert.Equal(2, again.ReceiveCount);
    }

    [Fact]
    public async Task Change_visibility_extends_the_time_a_message_stays_hidden()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
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
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");
        var stale = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));
        var current = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        // SQS may accept a stale handle and delete nothing; either way the newer delivery must stay.
        await queue.DeleteAsync([stale.ReceiptHandle]);
        await queue.ChangeVisibilityAsync(stale.ReceiptHandle, TimeSpan.Zero);
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());

        Assert.True(await queue.DeleteAsync(current.ReceiptHandle));
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
    }

    [Fact]
    public async Task Receipt_handle_of_another_queue_deletes_nothing_there()
    {
        await using var endpoint = TestEndpoint.Create();
        var orders = endpoint.Queue("orders");
        var invoices = endpoint.Queue("invoices");
        await orders.SendAsync("order");
        await invoices.SendAsync("invoice");
        var order = Assert.Single(await orders.ReceiveNow());
        Assert.Single(await invoices.ReceiveNow());

        Assert.Equal(0, await invoices.DeleteAsync([order.ReceiptHandle]));
        Assert.False(await invoices.ChangeVisibilityAsync(order.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(0, 1, 0), await orders.GetStatisticsAsync());
        Assert.Equal(new QueueStatistics(0, 1, 0), await invoices.GetStatisticsAsync());
    }

    [Fact]
    public async Task Receipt_handle_still_deletes_after_its_timeout_while_nobody_received_the_message_again()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveAsync(10, Short, TimeSpan.Zero));
        await Task.Delay(Short + TimeSpan.FromMilliseconds(300));

        Assert.True(await queue.DeleteAsync(message.ReceiptHandle));
        Assert.Empty(await queue.ReceiveNow());
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
    }

    [Fact]
    public async Task Delayed_message_stays_hidden_until_its_delay_ends()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        var clock = Stopwatch.StartNew();
        // Rounded up to 2 s: SQS delays are whole seconds.
        await queue.SendAsync("later", delay: TimeSpan.FromSeconds(1.5));
        await queue.SendAsync("now");

        Assert.Equal(["now"], (await queue.ReceiveNow()).Bodies());
        Assert.Equal(new QueueStatistics(0, 1, 1), await queue.GetStatisticsAsync());
        var later = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));

        Assert.Equal("later", later.GetBodyText());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2) - TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(8));
    }
}
