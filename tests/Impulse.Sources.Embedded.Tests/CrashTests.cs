using Impulse.Tests.Shared;
using Impulse.Sources.Embedded.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Impulse.Sources.Embedded.Tests;

/// <summary>
/// Kills a process that is using the queue with SIGKILL at random moments, then checks what the database kept.
/// A killed process's last writes are in the OS's page cache, so this proves the WAL protocol and the order of
/// commit and acknowledgement; a power loss, which it cannot simulate, is what synchronous=FULL is for.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Rounds = 20;
    private const int Seed = 20_251_125;

    [Fact]
    public async Task Killed_sender_loses_no_message_whose_send_was_acknowledged()
    {
        var random = new Random(Seed);
        var totalAcknowledged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await using var test = TestDatabase.Create();
            test.Database.Dispose(); // The probe owns the file until it dies.
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, 300));

            using var probe = ProbeProcess.Start("Impulse.Sources.Embedded.CrashProbe", "send", test.Path, "orders", "4");
            await probe.WaitReadyAsync();
            await Task.Delay(killAfter);
            var lines = await probe.KillAsync();

            var acknowledged = new Dictionary<string, string>(); // id -> body
            foreach (var line in lines)
            {
                // "sent N ID"; a line the kill cut short fails the shape check and is ignored.
                if (line.Split(' ') is ["sent", var body, var id] && Guid.TryParse(id, out _))
                {
                    acknowledged[id] = body;
                }
            }

            test.Reopen();
            var stored = await ReceiveEverything(test.Queue());
            AssertIntact(test);
            var missing = acknowledged.Keys.Except(stored.Keys).ToList();
            Assert.True(missing.Count == 0, $"Round {round} (seed {Seed}, kill after {killAfter.TotalMilliseconds} ms): {missing.Count} acknowledged sends lost, e.g. {missing.FirstOrDefault()}.");
            Assert.All(acknowledged, pair => Assert.Equal(pair.Value, stored[pair.Key]));
            // Each of the 4 workers has at most one send stored but not yet printed when the kill lands.
            Assert.InRange(stored.Count - acknowledged.Count, 0, 4);
            totalAcknowledged += acknowledged.Count;
            output.WriteLine($"round {round}: killed after {killAfter.TotalMilliseconds} ms, {acknowledged.Count} acknowledged, {stored.Count} stored");
        }

        output.WriteLine($"{Rounds} rounds, {totalAcknowledged} acknowledged sends, none lost.");
        Assert.True(totalAcknowledged > 0, "The probe never acknowledged a send; the kills came too early to test anything.");
    }

    [Fact]
    public async Task Killed_consumer_leaves_every_message_either_deleted_after_processing_or_still_receivable()
    {
        var random = new Random(Seed + 1);
        var totalDeleted = 0;
        for (var round = 0; round < Rounds; round++)
        {
            await using var test = TestDatabase.Create();
            var seeded = (await test.Queue().SendBatchAsync([.. Enumerable.Range(0, 5000).Select(i => OutgoingMessage.FromText($"{i}"))])).ToHashSet();
            test.Database.Dispose();
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, 300));

            using var probe = ProbeProcess.Start("Impulse.Sources.Embedded.CrashProbe", "consume", test.Path, "orders", "2");
            await probe.WaitReadyAsync();
            await Task.Delay(killAfter);
            var lines = await probe.KillAsync();

            var processed = new HashSet<string>();
            var deleted = new HashSet<string>();
            foreach (var line in lines)
            {
                if (line.Split(' ') is [var step, var id] && seeded.Contains(id))
                {
                    (step == "received" ? processed : deleted).Add(id);
                }
            }

            test.Reopen();
            // What the probe held in flight becomes visible after its 500 ms visibility timeout.
            await Task.Delay(TimeSpan.FromMilliseconds(700));
            var remaining = (await ReceiveEverything(test.Queue())).Keys.ToHashSet();
            AssertIntact(test);
            var context = $"Round {round} (seed {Seed + 1}, kill after {killAfter.TotalMilliseconds} ms)";

            Assert.True(remaining.IsSubsetOf(seeded), $"{context}: a message appeared that was never sent.");
            var deletedYetPresent = deleted.Intersect(remaining).ToList();
            Assert.True(deletedYetPresent.Count == 0, $"{context}: {deletedYetPresent.Count} acknowledged deletes came back.");
            var goneUnprocessed = seeded.Except(remaining).Except(processed).ToList();
            Assert.True(goneUnprocessed.Count == 0, $"{context}: {goneUnprocessed.Count} messages vanished without being received.");
            totalDeleted += deleted.Count;
            output.WriteLine($"round {round}: killed after {killAfter.TotalMilliseconds} ms, {processed.Count} received, {deleted.Count} deleted, {remaining.Count} remaining");
        }

        output.WriteLine($"{Rounds} rounds, {totalDeleted} acknowledged deletes; every other message still receivable.");
        Assert.True(totalDeleted > 0, "The probe never acknowledged a delete; the kills came too early to test anything.");
    }

    /// <summary>Receives every visible message (id → body), hiding them for a minute.</summary>
    private static async Task<Dictionary<string, string>> ReceiveEverything(IQueueSource queue)
    {
        var found = new Dictionary<string, string>();
        while (await queue.ReceiveAsync(500, QueueAssert.Long, TimeSpan.Zero) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                Assert.True(found.TryAdd(message.MessageId, message.GetBodyText()), $"Message {message.MessageId} was delivered twice.");
            }
        }

        Assert.Equal(new QueueStatistics(0, found.Count, 0), await queue.GetStatisticsAsync());
        return found;
    }

    private static void AssertIntact(TestDatabase test)
    {
        using var connection = new SqliteConnection($"Data Source={test.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }
}
