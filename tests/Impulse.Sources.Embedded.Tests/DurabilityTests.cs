using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class DurabilityTests
{
    [Fact]
    public async Task Messages_survive_closing_and_reopening_the_database()
    {
        await using var test = TestDatabase.Create();
        var ids = await test.Queue().SendBatchAsync([.. Enumerable.Range(0, 20).Select(i => OutgoingMessage.FromText($"m{i}"))]);
        await test.Queue("other").SendAsync("elsewhere");

        test.Reopen();

        var received = await test.Queue().ReceiveAsync(100, QueueAssert.Long, TimeSpan.Zero);
        Assert.Equal(ids, received.Select(m => m.MessageId));
        Assert.Equal(["elsewhere"], (await test.Queue("other").ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Receive_state_and_receipt_handles_survive_reopening()
    {
        await using var test = TestDatabase.Create();
        await test.Queue().SendBatchAsync([OutgoingMessage.FromText("a"), OutgoingMessage.FromText("b")]);
        var received = await test.Queue().ReceiveNow();
        await test.Queue().DeleteAsync([received[0].ReceiptHandle]);

        test.Reopen();

        Assert.Empty(await test.Queue().ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 1, 0), await test.Queue().GetStatisticsAsync());
        Assert.True(await test.Queue().ChangeVisibilityAsync(received[1].ReceiptHandle, TimeSpan.Zero));
        var again = Assert.Single(await test.Queue().ReceiveNow());
        Assert.Equal(("b", 2), (again.GetBodyText(), again.ReceiveCount));
    }

    [Fact]
    public async Task Database_runs_in_wal_mode_and_passes_an_integrity_check()
    {
        await using var test = TestDatabase.Create();
        await test.Queue().SendAsync("x");
        test.Database.Dispose();

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={test.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", command.ExecuteScalar());
    }
}
