using System.Globalization;
using System.Text;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class QueueBasicsTests
{
    [Fact]
    public async Task Send_receive_delete_delivers_each_message_once_in_send_order()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        foreach (var body in new[] { "one", "two", "three" })
        {
            ids.Add(await queue.SendAsync(body));
        }

        var received = await queue.ReceiveNow();

        Assert.Equal(["one", "two", "three"], received.Bodies());
        Assert.Equal(ids, received.Select(m => m.MessageId));
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
        Assert.All(received, m => Assert.InRange(m.SentTimestamp, before, DateTimeOffset.UtcNow));
        Assert.All(received, m => Assert.True(m.FirstReceiveTimestamp >= m.SentTimestamp));
        Assert.Equal(3, received.Select(m => m.ReceiptHandle).Distinct().Count());
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 3, 0), await queue.GetStatisticsAsync());

        Assert.Equal(3, await queue.DeleteAsync(received.Handles()));
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
        Assert.Equal(0, await queue.DeleteAsync(received.Handles()));
    }

    [Fact]
    public async Task Received_message_reports_sqs_system_attributes_as_text()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
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
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        byte[] body = [0, 1, 2, 255, 254];
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
    public async Task Empty_body_and_a_slice_of_a_larger_buffer_are_stored_exactly()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        byte[] buffer = [1, 2, 3, 4, 5];

        await queue.SendAsync(ReadOnlyMemory<byte>.Empty);
        await queue.SendAsync(buffer.AsMemory(1, 3));
        var received = await queue.ReceiveNow();

        Assert.Equal(0, received[0].Body.Length);
        Assert.Equal([2, 3, 4], received[1].Body.ToArray());
    }

    [Fact]
    public async Task Send_batch_returns_ids_in_order_and_receive_honours_max_messages()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        var ids = await queue.SendBatchAsync([.. Enumerable.Range(0, 25).Select(i => OutgoingMessage.FromText($"m{i}"))]);

        var first = await queue.ReceiveNow(max: 10);
        var second = await queue.ReceiveNow(max: 10);
        var third = await queue.ReceiveNow(max: 10);

        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal([10, 10, 5], [first.Count, second.Count, third.Count]);
        Assert.Equal(ids, first.Concat(second).Concat(third).Select(m => m.MessageId));
        Assert.Empty(await queue.SendBatchAsync([]));
    }

    [Fact]
    public async Task Queues_on_one_connection_are_isolated()
    {
        await using var broker = TestBroker.Create();
        var orders = broker.Queue("orders");
        var invoices = broker.Queue("invoices");
        await orders.SendAsync("order");
        Assert.Empty(await invoices.ReceiveNow());
        await invoices.SendAsync("invoice");
        var invoice = Assert.Single(await invoices.ReceiveNow());
        var order = Assert.Single(await orders.ReceiveNow());

        // Both deliveries carry delivery tag 1 on their own channels; the handle's channel token tells them apart.
        Assert.Equal(0, await invoices.DeleteAsync([order.ReceiptHandle]));
        Assert.False(await invoices.ChangeVisibilityAsync(order.ReceiptHandle, TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(0, 1, 0), await orders.GetStatisticsAsync());
        Assert.Equal(new QueueStatistics(0, 1, 0), await invoices.GetStatisticsAsync());
        Assert.True(await invoices.DeleteAsync(invoice.ReceiptHandle));
    }

    [Fact]
    public async Task Malformed_receipt_handle_is_an_argument_error_and_deletes_nothing()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var message = Assert.Single(await queue.ReceiveNow());

        await Assert.ThrowsAsync<ArgumentException>(async () => await queue.DeleteAsync([message.ReceiptHandle, "not-a-handle"]));
        await Assert.ThrowsAsync<ArgumentException>(async () => await queue.ChangeVisibilityAsync("12.zz", TimeSpan.Zero));
        Assert.Equal(new QueueStatistics(0, 1, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected_before_anything_is_stored()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(0, TimeSpan.FromSeconds(1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(1, TimeSpan.FromSeconds(-1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.SendAsync("x", delay: TimeSpan.FromSeconds(-1)));
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Messages_survive_closing_every_connection_and_opening_new_ones()
    {
        await using var broker = TestBroker.Create();
        var first = broker.NewFactory();
        var ids = await broker.Queue(factory: first).SendBatchAsync([.. Enumerable.Range(0, 20).Select(i => OutgoingMessage.FromText($"m{i}"))]);
        await first.DisposeAsync();

        var received = await broker.Queue(factory: broker.NewFactory()).ReceiveAsync(100, QueueAssert.Long, TimeSpan.Zero);

        Assert.Equal(ids, received.Select(m => m.MessageId));
    }

    [Fact]
    public async Task Message_published_by_a_plain_amqp_client_shows_its_headers_as_attributes()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync(); // Declares the queue before the foreign publisher uses it.
        var connectionFactory = new ConnectionFactory { Uri = new Uri(broker.Uri) };
        await using (var connection = await connectionFactory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var properties = new BasicProperties { Headers = new Dictionary<string, object?> { ["tenant"] = "acme", ["attempt"] = 3 } };
            await channel.BasicPublishAsync(string.Empty, broker.QueueName("orders"), mandatory: true, properties, Encoding.UTF8.GetBytes("foreign"));
        }

        var message = Assert.Single(await queue.ReceiveNow());

        Assert.Equal("foreign", message.GetBodyText());
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal(("String", "acme"), (message.MessageAttributes["tenant"].DataType, message.MessageAttributes["tenant"].StringValue));
        Assert.Equal(("Number", "3"), (message.MessageAttributes["attempt"].DataType, message.MessageAttributes["attempt"].StringValue));
    }

    [Fact]
    public async Task Queue_that_exists_with_other_arguments_is_a_clear_error()
    {
        await using var broker = TestBroker.Create();
        await broker.Queue("orders").GetStatisticsAsync();
        var redriven = broker.Queue("orders", new RedrivePolicy("orders-dlq", 3), factory: broker.NewFactory());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await redriven.SendAsync("x"));

        Assert.Contains("already exists with other arguments", error.Message, StringComparison.Ordinal);
        Assert.Contains("x-delivery-limit=2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Factory_rejects_a_queue_without_a_broker_uri_or_with_another_scheme()
    {
        var factory = new RabbitMqQueueSourceFactory();

        var missing = Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>())));
        var wrong = Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string> { ["uri"] = "http://user:secret@host/" })));

        Assert.Contains("Impulse:Sources:Queues:orders:Settings:uri", missing.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", wrong.Message, StringComparison.Ordinal);
        Assert.Equal("rabbitmq", factory.Provider);
    }

    [Fact]
    public async Task Registry_serves_queues_by_the_rabbitmq_provider_name()
    {
        await using var broker = TestBroker.Create();
        var options = new PullSourceOptions { DefaultProvider = "RabbitMQ" };
        await using var registry = new QueueSourceRegistry([broker.Factory], options);
        var name = broker.QueueName("registry");

        var queue = registry.GetQueue(name);
        await queue.SendAsync("via registry");

        Assert.Same(queue, registry.GetQueue(name));
        Assert.Equal(["via registry"], (await queue.ReceiveNow()).Bodies());
    }
}
