using System.Text;
using Impulse.Sources.Embedded.Streams;

namespace Impulse.Sources.Embedded.Tests.Streams;

/// <summary>The <see cref="IStreamSource"/> contract on the embedded stream database.</summary>
public sealed class EmbeddedStreamSourceTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impulse-stream-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(_folder, "streams.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static async Task<List<StreamPutResult>> PutAsync(IStreamSource stream, string partitionKey, params string[] data)
    {
        var results = new List<StreamPutResult>();
        foreach (var d in data)
            results.Add(await stream.PutAsync(partitionKey, Encoding.UTF8.GetBytes(d)));
        return results;
    }

    private static string[] Data(IEnumerable<StreamRecord> records) => [.. records.Select(r => Encoding.UTF8.GetString(r.Data.Span))];

    [Fact]
    public async Task Records_OfOnePartitionKey_ShareAShardAndReadBackInPutOrder()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 4));

        var put = await PutAsync(stream, "truck-7", "a", "b", "c");
        var records = await stream.ReadAsync(put[0].Shard, null, 10, TimeSpan.Zero);

        Assert.Single(put.Select(p => p.Shard).Distinct());
        Assert.Equal(["a", "b", "c"], Data(records));
        Assert.All(records, r => Assert.Equal("truck-7", r.PartitionKey));
        Assert.Equal(put.Select(p => p.SequenceNumber), records.Select(r => r.SequenceNumber));
        Assert.True(string.CompareOrdinal(put[0].SequenceNumber, put[1].SequenceNumber) < 0);
    }

    [Fact]
    public async Task ManyKeys_SpreadOverShards_AsKinesisHashesThem()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 4));

        var shards = new HashSet<string>();
        for (var i = 0; i < 64; i++)
            shards.Add((await stream.PutAsync($"key-{i}", new byte[] { 1 })).Shard);

        Assert.Equal(4, shards.Count);
        Assert.Equal(StreamShards.IdOf(StreamShards.ShardFor("key-0", 4)), (await stream.PutAsync("key-0", new byte[] { 2 })).Shard);
    }

    [Fact]
    public async Task ConcurrentProducers_SharingCommits_EachKeyReadsBackInPutOrderWithUniqueSequenceNumbers()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 2));

        var puts = await Task.WhenAll(Enumerable.Range(0, 16).Select(p => Task.Run(() =>
            PutAsync(stream, $"producer-{p}", [.. Enumerable.Range(0, 50).Select(i => $"{p}:{i}")]))));

        var records = new List<StreamRecord>();
        foreach (var shard in await stream.GetShardsAsync())
            records.AddRange(await stream.ReadAsync(shard, null, 10_000, TimeSpan.Zero));
        Assert.Equal(800, records.Select(r => r.SequenceNumber).Distinct().Count());
        for (var p = 0; p < 16; p++)
        {
            Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{p}:{i}"), Data(records.Where(r => r.PartitionKey == $"producer-{p}")));
            Assert.Equal(puts[p].Select(x => x.SequenceNumber), records.Where(r => r.PartitionKey == $"producer-{p}").Select(r => r.SequenceNumber));
        }
    }

    [Fact]
    public async Task Read_AfterASequenceNumber_ReturnsOnlyLaterRecordsUpToTheLimit()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 1));
        var put = await PutAsync(stream, "k", "1", "2", "3", "4");

        var records = await stream.ReadAsync(put[0].Shard, put[1].SequenceNumber, 1, TimeSpan.Zero);

        Assert.Equal(["3"], Data(records));
    }

    [Fact]
    public async Task Read_OnAnEmptyShard_WakesForARecordPutMeanwhile()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 1));
        var shard = (await stream.GetShardsAsync())[0];

        var read = stream.ReadAsync(shard, null, 10, TimeSpan.FromSeconds(10)).AsTask();
        await Task.Delay(200);
        Assert.False(read.IsCompleted);
        await PutAsync(stream, "k", "late");

        Assert.Equal(["late"], Data(await read.WaitAsync(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task Checkpoint_SurvivesReopeningTheFileAndNeverMovesBack()
    {
        List<StreamPutResult> put;
        await using (var first = new EmbeddedStreamSourceFactory(DatabasePath))
        {
            var stream = first.Create(new StreamDefinition("positions", 2));
            put = await PutAsync(stream, "k", "1", "2", "3");
            await stream.CheckpointAsync("consumer", put[0].Shard, put[2].SequenceNumber);
            await stream.CheckpointAsync("consumer", put[0].Shard, put[1].SequenceNumber);
        }

        await using var second = new EmbeddedStreamSourceFactory(DatabasePath);
        // A different shard count asked later does not move keys: the stream keeps the count it was created with.
        var reopened = second.Create(new StreamDefinition("positions", 8));

        Assert.Equal(put[2].SequenceNumber, await reopened.GetCheckpointAsync("consumer", put[0].Shard));
        Assert.Null(await reopened.GetCheckpointAsync("another", put[0].Shard));
        Assert.Equal(2, (await reopened.GetShardsAsync()).Count);
        Assert.Equal(put[2].SequenceNumber, await reopened.GetLatestSequenceNumberAsync(put[0].Shard));
        Assert.Equal(["1", "2", "3"], Data(await reopened.ReadAsync(put[0].Shard, null, 10, TimeSpan.Zero)));
    }

    [Fact]
    public async Task BadArguments_AreRefusedWithTheReason()
    {
        await using var factory = new EmbeddedStreamSourceFactory(DatabasePath);
        var stream = factory.Create(new StreamDefinition("positions", 2));

        var key = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.PutAsync(new string('k', 257), new byte[1]));
        var shard = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.ReadAsync("shardId-000000000009", null, 1, TimeSpan.Zero));
        var sequence = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.CheckpointAsync("c", "shardId-000000000000", "x1"));

        Assert.Contains("at most 256 characters", key.Message, StringComparison.Ordinal);
        Assert.Contains("has no shard 'shardId-000000000009'", shard.Message, StringComparison.Ordinal);
        Assert.Contains("'x1' is not a sequence number", sequence.Message, StringComparison.Ordinal);
    }
}
