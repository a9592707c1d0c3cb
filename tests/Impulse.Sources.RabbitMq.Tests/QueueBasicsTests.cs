using System.Text;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;
using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class QueueBasicsTests : QueueBasicsConformance
{
    // The broker applies acks asynchronously (an ack is not confirmed), so a count read right after one may still be
    // the old one for a moment.
    protected override bool StatisticsLagChanges => true;

    protected override IReadOnlyList<string> NearMissReceiptHandles => ["12.zz"];

    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestBroker.Create();

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
