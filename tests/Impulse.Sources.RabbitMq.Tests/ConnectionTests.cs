using System.Diagnostics;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

/// <summary>
/// What AMQP does that SQS does not: when a consumer's connection ends, the broker returns its unacknowledged
/// deliveries to the queue at once, whatever their visibility timeouts said.
/// </summary>
public sealed class ConnectionTests
{
    [Fact]
    public async Task Messages_in_flight_return_at_once_when_the_receiving_process_goes_away()
    {
        await using var broker = TestBroker.Create();
        var crashing = broker.NewFactory();
        var queue = broker.Queue(factory: crashing);
        await queue.SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b")]);
        var held = await queue.ReceiveAsync(10, TimeSpan.FromMinutes(10), TimeSpan.Zero);
        Assert.Equal(2, held.Count);
        var survivor = broker.Queue(factory: broker.NewFactory());
        Assert.Empty(await survivor.ReceiveNow());

        var clock = Stopwatch.StartNew();
        await crashing.DisposeAsync();
        var again = await survivor.ReceiveWithin(QueueAssert.Long);

        // Not after the ten minutes the receive asked for: AMQP ties a delivery to its connection.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Equal(["a", "b"], again.Bodies());
        Assert.All(again, m => Assert.Equal(2, m.ReceiveCount));
    }

    [Fact]
    public async Task Dropped_connection_makes_held_receipt_handles_stale_and_the_queue_reconnects()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.SendAsync("x");
        var before = Assert.Single(await queue.ReceiveNow());

        await broker.Factory.AbortConnectionsAsync();

        Assert.Equal(0, await queue.DeleteAsync([before.ReceiptHandle]));
        Assert.False(await queue.ChangeVisibilityAsync(before.ReceiptHandle, TimeSpan.Zero));
        var after = Assert.Single(await queue.ReceiveWithin(QueueAssert.Long));
        Assert.Equal(before.MessageId, after.MessageId);
        Assert.Equal(2, after.ReceiveCount);
        Assert.Equal(before.FirstReceiveTimestamp, after.FirstReceiveTimestamp);
        Assert.True(await queue.DeleteAsync(after.ReceiptHandle));
        await queue.SendAsync("sent after reconnecting");
        Assert.Equal(["sent after reconnecting"], (await queue.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Long_poll_survives_a_dropped_connection_and_gets_what_is_sent_afterwards()
    {
        await using var broker = TestBroker.Create();
        var queue = broker.Queue();
        await queue.GetStatisticsAsync();
        var waiting = queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(20)).AsTask();
        await Task.Delay(200);

        await broker.Factory.AbortConnectionsAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);
        await broker.Queue(factory: broker.NewFactory()).SendAsync("after the drop");

        Assert.Equal(["after the drop"], (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Bodies());
    }

    [Fact]
    public async Task Unreachable_broker_is_a_clear_error_naming_it_without_its_password()
    {
        await using var factory = new RabbitMqQueueSourceFactory("amqp://guest:secret@127.0.0.1:1/");
        await using var queue = factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await queue.SendAsync("x"));

        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }
}
