using System.Text;
using Impulse.Sources.Redis.Streams;
using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests.Streams;

/// <summary>The <see cref="IStreamSource"/> contract on Redis streams, against a real server.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisStreamSourceTests(RedisServer redis)
{
    private RedisStreamSourceFactory Factory(string prefix) => new(new RedisQueueOptions { Connection = redis.Endpoint, Prefix = prefix });

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
        var prefix = RedisServer.NewPrefix();
        try
        {
            await using var factory = Factory(prefix);
            var stream = factory.Create(new StreamDefinition("positions", 4));

            var put = await PutAsync(stream, "truck-7", "a", "b", "c");
            var records = await stream.ReadAsync(put[0].Shard, null, 10, TimeSpan.Zero);

            Assert.Single(put.Select(p => p.Shard).Distinct());
            Assert.Equal(["a", "b", "c"], Data(records));
            Assert.All(records, r => Assert.Equal("truck-7", r.PartitionKey));
            Assert.Equal(put.Select(p => p.SequenceNumber), records.Select(r => r.SequenceNumber));
            Assert.True(string.CompareOrdinal(put[0].SequenceNumber, put[1].SequenceNumber) < 0);
            Assert.Equal(4, (await stream.GetShardsAsync()).Count);
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task Read_AfterASequenceNumber_ReturnsOnlyLaterRecordsUpToTheLimit()
    {
        var prefix = RedisServer.NewPrefix();
        try
        {
            await using var factory = Factory(prefix);
            var stream = factory.Create(new StreamDefinition("positions", 1));
            var put = await PutAsync(stream, "k", "1", "2", "3", "4");

            var records = await stream.ReadAsync(put[0].Shard, put[1].SequenceNumber, 1, TimeSpan.Zero);

            Assert.Equal(["3"], Data(records));
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task Read_OnAnEmptyShard_WaitsForARecordPutMeanwhile()
    {
        var prefix = RedisServer.NewPrefix();
        try
        {
            await using var factory = Factory(prefix);
            var stream = factory.Create(new StreamDefinition("positions", 1));
            var shard = (await stream.GetShardsAsync())[0];

            var read = stream.ReadAsync(shard, null, 10, TimeSpan.FromSeconds(10)).AsTask();
            await Task.Delay(200);
            Assert.False(read.IsCompleted);
            await PutAsync(stream, "k", "late");

            Assert.Equal(["late"], Data(await read.WaitAsync(TimeSpan.FromSeconds(5))));
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task Checkpoint_SurvivesANewConnectionAndNeverMovesBack()
    {
        var prefix = RedisServer.NewPrefix();
        try
        {
            List<StreamPutResult> put;
            await using (var first = Factory(prefix))
            {
                var stream = first.Create(new StreamDefinition("positions", 2));
                put = await PutAsync(stream, "k", "1", "2", "3");
                await stream.CheckpointAsync("consumer", put[0].Shard, put[2].SequenceNumber);
                await stream.CheckpointAsync("consumer", put[0].Shard, put[1].SequenceNumber);
            }

            await using var second = Factory(prefix);
            // A different shard count asked later does not move keys: the stream keeps the count it was created with.
            var reopened = second.Create(new StreamDefinition("positions", 8));

            Assert.Equal(put[2].SequenceNumber, await reopened.GetCheckpointAsync("consumer", put[0].Shard));
            Assert.Null(await reopened.GetCheckpointAsync("another", put[0].Shard));
            Assert.Equal(2, (await reopened.GetShardsAsync()).Count);
            Assert.Equal(put[2].SequenceNumber, await reopened.GetLatestSequenceNumberAsync(put[0].Shard));
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task BadArguments_AreRefusedWithTheReason()
    {
        var prefix = RedisServer.NewPrefix();
        try
        {
            await using var factory = Factory(prefix);
            var stream = factory.Create(new StreamDefinition("positions", 2));

            var key = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.PutAsync(new string('k', 257), new byte[1]));
            var shard = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.ReadAsync("shardId-000000000009", null, 1, TimeSpan.Zero));
            var sequence = await Assert.ThrowsAsync<ArgumentException>(async () => await stream.CheckpointAsync("c", "shardId-000000000000", "12"));

            Assert.Contains("at most 256 characters", key.Message, StringComparison.Ordinal);
            Assert.Contains("has no shard 'shardId-000000000009'", shard.Message, StringComparison.Ordinal);
            Assert.Contains("'12' is not a sequence number", sequence.Message, StringComparison.Ordinal);
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }
}
