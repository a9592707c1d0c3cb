using System.Collections.Concurrent;
using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class ConcurrencyTests
{
    private const int Messages = 300;

    [Fact]
    public async Task Concurrent_receivers_get_every_message_exactly_once()
    {
        await using var endpoint = TestEndpoint.Create();
        var sender = endpoint.Queue();
        var sent = new List<string>(Messages);
        for (var i = 0; i < Messages; i += 50)
        {
            sent.AddRange(await sender.SendBatchAsync([.. Enumerable.Range(i, 50).Select(n => OutgoingMessage.FromText($"{n}"))]));
        }

        var deliveries = new ConcurrentBag<ReceivedMessage>();
        var deleted = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
        {
            var queue = endpoint.Queue();
            while (Volatile.Read(ref deleted) < Messages)
            {
                var batch = await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(1), timeout.Token);
                foreach (var message in batch)
                {
                    deliveries.Add(message);
                }

                Interlocked.Add(ref deleted, await queue.DeleteAsync(batch.Handles()));
            }
        })));

        var received = deliveries.ToList();
        Assert.DoesNotContain(received.GroupBy(m => m.MessageId), g => g.Count() > 1);
        Assert.Equal(sent.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
    }
}
