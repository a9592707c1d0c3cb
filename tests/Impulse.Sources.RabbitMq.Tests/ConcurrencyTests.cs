using System.Collections.Concurrent;
using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class ConcurrencyTests
{
    private const int Messages = 1000;

    [Fact]
    public async Task Receivers_on_separate_connections_get_every_message_exactly_once()
    {
        await using var broker = TestBroker.Create();
        var sent = new List<string>(Messages);
        var sender = broker.Queue();
        for (var i = 0; i < Messages; i += 100)
        {
            sent.AddRange(await sender.SendBatchAsync([.. Enumerable.Range(i, 100).Select(n => OutgoingMessage.FromText($"{n}"))]));
        }

        var receivers = Enumerable.Range(0, 8).Select(i => broker.Queue(factory: i % 2 == 0 ? broker.Factory : broker.NewFactory())).ToArray();
        var deliveries = await ConsumeAll(receivers, Messages);

        AssertExactlyOnce(sent, deliveries);
    }

    [Fact]
    public async Task Concurrent_senders_and_long_polling_receivers_lose_and_duplicate_nothing()
    {
        await using var broker = TestBroker.Create();
        var sent = new ConcurrentBag<string>();
        var receivers = Enumerable.Range(0, 4).Select(_ => broker.Queue(factory: broker.NewFactory())).ToArray();
        await receivers[0].GetStatisticsAsync();
        var consuming = ConsumeAll(receivers, Messages);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
        {
            var queue = broker.Queue();
            for (var i = 0; i < Messages / 4 / 10; i++)
            {
                foreach (var id in await queue.SendBatchAsync([.. Enumerable.Range(0, 10).Select(j => OutgoingMessage.FromText($"{s}-{i}-{j}"))]))
                {
                    sent.Add(id);
                }
            }
        })));

        AssertExactlyOnce([.. sent], await consuming);
    }

    /// <summary>Receivers take batches of 10 and delete them until <paramref name="expected"/> were deleted.</summary>
    private static async Task<ConcurrentBag<ReceivedMessage>> ConsumeAll(IQueueSource[] receivers, int expected)
    {
        var deliveries = new ConcurrentBag<ReceivedMessage>();
        var deleted = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(receivers.Select(queue => Task.Run(async () =>
        {
            while (Volatile.Read(ref deleted) < expected)
            {
                timeout.Token.ThrowIfCancellationRequested();
                var batch = await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromMilliseconds(200));
                foreach (var message in batch)
                {
                    deliveries.Add(message);
                }

                var count = await queue.DeleteAsync(batch.Handles());
                Assert.Equal(batch.Count, count);
                Interlocked.Add(ref deleted, count);
            }
        })));

        return deliveries;
    }

    private static void AssertExactlyOnce(IReadOnlyCollection<string> sent, IEnumerable<ReceivedMessage> deliveries)
    {
        var received = deliveries.ToList();
        var duplicates = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
        Assert.Equal(sent.Count, sent.Distinct().Count());
        Assert.Equal(sent.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
    }
}
