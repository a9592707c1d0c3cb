using System.Collections.Concurrent;
namespace Impulse.Sources.QueueConformance;

/// <summary>Many senders and receivers on one queue: every message is delivered exactly once.</summary>
public abstract class ConcurrencyConformance : QueueConformanceTests
{
    /// <summary>How many messages each test moves, a multiple of 100 (four senders send batches of ten); a broker that
    /// confirms every publish, or an endpoint reached over HTTP, does fewer in the same time.</summary>
    protected virtual int Messages => 3000;

    [Fact]
    public async Task Concurrent_receivers_get_disjoint_batches_and_every_message_exactly_once()
    {
        await using var test = CreateQueues();
        var sent = await SendAll(test.Queue());

        var deliveries = await ConsumeAll([.. Enumerable.Range(0, 16).Select(_ => test.Queue())]);

        AssertExactlyOnce(sent, deliveries);
    }

    [Fact]
    public async Task Receivers_on_separate_connections_never_share_a_message()
    {
        // Two connections behave as two processes would: only the store's own atomicity keeps their receives apart.
        // Receivers on the other connection are not woken by sends on this one, so long polls look again often.
        await using var test = CreateQueues(pollInterval: TimeSpan.FromMilliseconds(50));
        var sent = await SendAll(test.Queue());

        var deliveries = await ConsumeAll([.. Enumerable.Range(0, 16).Select(i => i % 2 == 0 ? test.Queue() : test.QueueOnAnotherConnection())]);

        AssertExactlyOnce(sent, deliveries);
    }

    [Fact]
    public async Task Concurrent_senders_and_long_polling_receivers_lose_and_duplicate_nothing()
    {
        await using var test = CreateQueues();
        var sent = new ConcurrentBag<string>();
        // A broker's queue is declared on first use: creating it once up front keeps a dozen channels from racing to.
        await test.Queue().GetStatisticsAsync();
        var senders = Enumerable.Range(0, 4).Select(s => Task.Run(async () =>
        {
            var queue = test.Queue();
            for (var i = 0; i < Messages / 4 / 10; i++)
            {
                foreach (var id in await queue.SendBatchAsync([.. Enumerable.Range(0, 10).Select(j => OutgoingMessage.FromText($"{s}-{i}-{j}"))]))
                {
                    sent.Add(id);
                }
            }
        })).ToArray();

        var consuming = ConsumeAll([.. Enumerable.Range(0, 8).Select(_ => test.Queue())]);
        await Task.WhenAll(senders);

        AssertExactlyOnce([.. sent], await consuming);
        await AssertStatisticsAfterChangeAsync(test.Queue(), new QueueStatistics(0, 0, 0));
    }

    private async Task<IReadOnlyList<string>> SendAll(IQueueSource queue)
    {
        var ids = new List<string>(Messages);
        for (var i = 0; i < Messages; i += 100)
        {
            ids.AddRange(await queue.SendBatchAsync([.. Enumerable.Range(i, 100).Select(n => OutgoingMessage.FromText($"{n}"))]));
        }

        return ids;
    }

    /// <summary>Receivers take batches of 10 and delete them until all <see cref="Messages"/> were deleted.</summary>
    private async Task<ConcurrentBag<ReceivedMessage>> ConsumeAll(IQueueSource[] receivers)
    {
        var deliveries = new ConcurrentBag<ReceivedMessage>();
        var deleted = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(receivers.Select(queue => Task.Run(async () =>
        {
            while (Volatile.Read(ref deleted) < Messages)
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
