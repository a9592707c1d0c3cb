using System.Globalization;

namespace Impulse.Sources.QueueConformance;

/// <summary>Send, receive and delete as every queue source does them, with SQS's message model.</summary>
public abstract class QueueBasicsConformance : QueueConformanceTests
{
    /// <summary>Whether message ids are GUIDs, as SQS's are.</summary>
    protected virtual bool MessageIdsAreGuids => false;

    /// <summary>Receipt handles shaped almost like this source's own, which it must reject as malformed.</summary>
    protected abstract IReadOnlyList<string> NearMissReceiptHandles { get; }

    [Fact]
    public async Task Send_receive_delete_delivers_each_message_once_in_send_order()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        foreach (var body in new[] { "one", "two", "three" })
        {
            ids.Add(await queue.SendAsync(body));
        }

        var received = await queue.ReceiveNow();

        Assert.Equal(["one", "two", "three"], received.Bodies());
        Assert.Equal(ids, received.Select(m => m.MessageId));
        if (MessageIdsAreGuids)
        {
            Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
        }

        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
        Assert.All(received, m => Assert.InRange(m.SentTimestamp, before, DateTimeOffset.UtcNow + ClockTolerance));
        Assert.All(received, m => Assert.True(m.FirstReceiveTimestamp >= m.SentTimestamp));
        Assert.Equal(3, received.Select(m => m.ReceiptHandle).Distinct().Count());
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 3, 0), await queue.GetStatisticsAsync());

        Assert.Equal(3, await queue.DeleteAsync(received.Handles()));
        await AssertStatisticsAfterChangeAsync(queue, new QueueStatistics(0, 0, 0));
        Assert.Equal(0, await queue.DeleteAsync(received.Handles()));
    }

    [Fact]
    public async Task Received_message_reports_sqs_system_attributes_as_text()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");

        var message = Assert.Single(await queue.ReceiveNow());

        Assert.Equal("1", message.Attributes[SystemAttributeNames.ApproximateReceiveCount]);
        Assert.Equal(message.SentTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message.Attributes[SystemAttributeNames.SentTimestamp]);
        Assert.Equal(message.FirstReceiveTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message.Attributes[SystemAttributeNames.ApproximateFirstReceiveTimestamp]);
        Assert.False(message.Attributes.ContainsKey(SystemAttributeNames.DeadLetterQueueSourceArn));
    }

    [Fact]
    public async Task Message_attributes_and_binary_bodies_round_trip()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        byte[] body = [0, 1, 2, 255, 254, (byte)'\r', (byte)'\n'];
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            ["tenant"] = MessageAttributeValue.String("acme \"quoted\" ü"),
            ["priority"] = MessageAttributeValue.Number("7"),
            ["blob"] = MessageAttributeValue.Binary([9, 8, 7]),
            ["custom"] = new() { DataType = "String.uuid", StringValue = "abc" },
        };

        await queue.SendAsync(body, attributes);
        var message = Assert.Single(await queue.ReceiveNow());

        Assert.Equal(body, message.Body.ToArray());
        Assert.Equal(4, message.MessageAttributes.Count);
        Assert.Equal("acme \"quoted\" ü", message.MessageAttributes["tenant"].StringValue);
        Assert.Equal(("Number", "7"), (message.MessageAttributes["priority"].DataType, message.MessageAttributes["priority"].StringValue));
        Assert.Equal("Binary", message.MessageAttributes["blob"].DataType);
        Assert.Equal([9, 8, 7], message.MessageAttributes["blob"].BinaryValue!);
        Assert.Null(message.MessageAttributes["blob"].StringValue);
        Assert.Null(message.MessageAttributes["custom"].BinaryValue);
        Assert.Equal("String.uuid", message.MessageAttributes["custom"].DataType);
    }

    [Fact]
    public async Task Empty_body_a_slice_of_a_larger_buffer_and_a_large_body_are_stored_exactly()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        byte[] buffer = [1, 2, 3, 4, 5];
        var large = new byte[256 * 1024];
        new Random(7).NextBytes(large);

        await queue.SendAsync(ReadOnlyMemory<byte>.Empty);
        await queue.SendAsync(buffer.AsMemory(1, 3));
        await queue.SendAsync(large);
        var received = await queue.ReceiveNow();

        Assert.Equal(0, received[0].Body.Length);
        Assert.Empty(received[0].MessageAttributes);
        Assert.Equal([2, 3, 4], received[1].Body.ToArray());
        Assert.Equal(large, received[2].Body.ToArray());
    }

    [Fact]
    public async Task Send_batch_returns_ids_in_order_and_receive_honours_max_messages()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        var ids = await queue.SendBatchAsync([.. Enumerable.Range(0, 25).Select(i => OutgoingMessage.FromText($"m{i}"))]);

        var first = await queue.ReceiveNow(max: 10);
        var second = await queue.ReceiveNow(max: 10);
        var third = await queue.ReceiveNow(max: 10);

        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal([10, 10, 5], [first.Count, second.Count, third.Count]);
        Assert.Equal(ids, first.Concat(second).Concat(third).Select(m => m.MessageId));
        Assert.Empty(await queue.SendBatchAsync([]));
        Assert.Equal(0, await queue.DeleteAsync([]));
    }

    [Fact]
    public async Task Queues_of_one_source_are_isolated()
    {
        await using var test = CreateQueues();
        var orders = test.Queue("orders");
        var invoices = test.Queue("invoices");
        await orders.SendAsync("order");
        Assert.Empty(await invoices.ReceiveNow());
        await invoices.SendAsync("invoice");
        var invoice = Assert.Single(await invoices.ReceiveNow());
        var order = Assert.Single(await orders.ReceiveNow());

        // A receipt handle of one queue deletes nothing in another, even where both deliveries carry the same
        // broker-side tag (delivery tag 1 on their own channels).
        Assert.Equal(0, await invoices.DeleteAsync([order.ReceiptHandle]));
        Assert.False(await invoices.ChangeVisibilityAsync(order.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(0, 1, 0), await orders.GetStatisticsAsync());
        Assert.Equal(new QueueStatistics(0, 1, 0), await invoices.GetStatisticsAsync());
        Assert.True(await invoices.DeleteAsync(invoice.ReceiptHandle));
    }

    [Fact]
    public async Task Malformed_receipt_handle_is_an_argument_error_and_deletes_nothing()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveNow());

        await Assert.ThrowsAsync<ArgumentException>(async () => await queue.DeleteAsync([message.ReceiptHandle, "not-a-handle"]));
        foreach (var handle in NearMissReceiptHandles)
        {
            await Assert.ThrowsAsync<ArgumentException>(async () => await queue.ChangeVisibilityAsync(handle, TimeSpan.Zero));
            await Assert.ThrowsAsync<ArgumentException>(async () => await queue.DeleteAsync([handle]));
        }

        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected_before_anything_is_stored()
    {
        await using var test = CreateQueues();
        var queue = test.Queue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(0, TimeSpan.FromSeconds(1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(1, TimeSpan.FromSeconds(-1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.SendAsync("x", delay: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            async () => await queue.SendBatchAsync([OutgoingMessage.FromText("ok"), OutgoingMessage.FromText("bad", delay: TimeSpan.FromDays(400))]));
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }
}
