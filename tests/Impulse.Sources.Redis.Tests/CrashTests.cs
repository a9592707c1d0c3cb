using Impulse.Tests.Shared;
using System.Collections.Concurrent;
using System.Diagnostics;
using Impulse.Sources.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Impulse.Sources.Redis.Tests;

/// <summary>
/// Kills a consumer process with SIGKILL at random moments while messages keep arriving, starts a new one each
/// round, and checks that every message sent was processed at least once: what a killed consumer held in flight
/// comes back when its visibility timeout ends, and nothing it had not deleted is lost.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class CrashTests(RedisServer redis, ITestOutputHelper output)
{
    private const int Rounds = 24;
    private const int Seed = 20_251_126;
    private const int VisibilityMs = 1000;
    // Pretend work per batch, between "processed" and the delete: where a kill leaves messages in flight.
    private const int WorkMs = 10;

    [Fact]
    public async Task Killed_consumers_lose_no_message_and_every_message_sent_is_processed_at_least_once()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        var random = new Random(Seed);
        var sent = new ConcurrentDictionary<string, byte>();
        var processed = new Dictionary<string, int>();
        var deleted = new HashSet<string>();
        var heldAtKill = 0;
        using var stopSending = new CancellationTokenSource();
        var sending = Task.Run(async () =>
        {
            var n = 0;
            while (!stopSending.IsCancellationRequested)
            {
                // Recorded only once the send returned: that is the acknowledgement the test holds the queue to.
                foreach (var id in await queue.SendBatchAsync([.. Enumerable.Range(0, 10).Select(_ => OutgoingMessage.FromText($"{n++}"))]))
                {
                    sent[id] = 0;
                }

                await Task.Delay(5);
            }
        });

        for (var round = 0; round < Rounds; round++)
        {
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, 400));
            using var probe = StartProbe(test);
            await probe.WaitReadyAsync();
            await Task.Delay(killAfter);
            var lines = await probe.KillAsync();
            var (roundProcessed, roundDeleted) = Collect(lines, processed, deleted);
            heldAtKill += roundProcessed - roundDeleted;
            output.WriteLine($"round {round}: killed after {killAfter.TotalMilliseconds} ms, {roundProcessed} processed, {roundDeleted} deleted, {sent.Count} sent so far");
        }

        await stopSending.CancelAsync();
        await sending;

        // A last consumer, left to run until everything sent was processed: in-flight messages of the killed ones
        // come back after their 1 s visibility timeout.
        using (var last = StartProbe(test))
        {
            await last.WaitReadyAsync();
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60))
            {
                var seen = new Dictionary<string, int>();
                Collect(last.Lines(), seen, []);
                if (sent.Keys.All(id => processed.ContainsKey(id) || seen.ContainsKey(id)))
                {
                    break;
                }

                await Task.Delay(200);
            }

            Collect(await last.KillAsync(), processed, deleted);
        }

        var missing = sent.Keys.Where(id => !processed.ContainsKey(id)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {sent.Count} sent messages were never processed (seed {Seed}), e.g. {missing.FirstOrDefault()}.");
        Assert.All(processed.Keys, id => Assert.True(sent.ContainsKey(id), $"{id} was processed but never sent."));

        // What the last probe held when killed comes back; nothing whose delete returned does.
        await Task.Delay(VisibilityMs + 200);
        var remaining = new List<string>();
        while (await queue.ReceiveAsync(100, QueueAssert.Long, TimeSpan.Zero) is { Count: > 0 } batch)
        {
            remaining.AddRange(batch.Select(m => m.MessageId));
        }

        Assert.Empty(remaining.Intersect(deleted));
        var duplicates = processed.Values.Sum(count => count - 1);
        output.WriteLine($"{Rounds} rounds (seed {Seed}): {sent.Count} sent, all processed; {heldAtKill} were processed but not deleted when a kill landed, " +
            $"{duplicates} processed more than once; {remaining.Count} left in flight at the end.");
        Assert.True(processed.Count > Rounds, "The probes processed almost nothing; the kills came too early to test anything.");
        Assert.True(heldAtKill > 0, "No kill landed while a batch was in flight, so redelivery after a crash went untested.");
    }

    private ProbeProcess StartProbe(TestQueues test)
        => ProbeProcess.Start("Impulse.Sources.Redis.CrashProbe", redis.Endpoint, test.Prefix, "orders", "2", $"{VisibilityMs}", $"{WorkMs}");

    /// <summary>Adds a probe's lines to the tallies; returns how many it processed and deleted.</summary>
    private static (int Processed, int Deleted) Collect(IEnumerable<string> lines, Dictionary<string, int> processed, HashSet<string> deleted)
    {
        var (p, d) = (0, 0);
        foreach (var line in lines)
        {
            // A line the kill cut short fails the shape check and is ignored.
            if (line.Split(' ') is [var step, var id] && Guid.TryParse(id, out _))
            {
                if (step == "processed")
                {
                    processed[id] = processed.GetValueOrDefault(id) + 1;
                    p++;
                }
                else if (step == "deleted")
                {
                    deleted.Add(id);
                    d++;
                }
            }
        }

        return (p, d);
    }
}
