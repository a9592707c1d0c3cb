using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using Impulse.Sources;
using Impulse.Sources.Embedded.Streams;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>Stream pull triggers on the embedded stream database, with Lambda's stream semantics.</summary>
public sealed class StreamPollerTests
{
    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static Task<TestHost> StartAsync(string? folder = null, int shards = 2) => TestHost.StartAsync(o =>
    {
        o.StreamShardCount = shards;
        o.StreamRetryDelay = TimeSpan.FromMilliseconds(50);
    }, folder);

    private static async Task<List<StreamPutResult>> PutAsync(IStreamSender sender, string stream, string partitionKey, IEnumerable<string> data)
    {
        var results = new List<StreamPutResult>();
        foreach (var d in data)
            results.Add(await sender.PutRecordAsync(stream, partitionKey, Encoding.UTF8.GetBytes(d)));
        return results;
    }

    /// <summary>Puts records before any host runs, so the first poll sees them all and batches are what the test says.</summary>
    private static async Task<List<StreamPutResult>> PutBeforeStartAsync(string folder, string stream, string partitionKey, IEnumerable<string> data, int shards = 2)
    {
        await using var factory = new EmbeddedStreamSourceFactory(Path.Combine(folder, "streams.db"));
        var source = factory.Create(new StreamDefinition(stream, shards));
        var results = new List<StreamPutResult>();
        foreach (var d in data)
            results.Add(await source.PutAsync(partitionKey, Encoding.UTF8.GetBytes(d)));
        return results;
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", Guid.NewGuid().ToString("N"));

    private static async Task<List<string>> DrainAsync(IQueueSource queue, int expected)
    {
        var bodies = new List<string>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (bodies.Count < expected && DateTime.UtcNow < deadline)
        {
            foreach (var message in await queue.ReceiveAsync(10, TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)))
                bodies.Add(message.GetBodyText());
        }

        return bodies;
    }

    [Fact]
    public async Task ManyPartitionKeys_PutConcurrently_EachKeyHandledInPutOrderWhileShardsRunInParallel()
    {
        await using var host = await StartAsync(shards: 4);
        var keys = Enumerable.Range(0, 8).Select(_ => NewKey()).ToList();

        // One producer per key, all at once: order is promised per partition key, not across keys.
        await Task.WhenAll(keys.Select(key => Task.Run(() => PutAsync(host.Handle.StreamSender, "ordered", key, Enumerable.Range(0, 25).Select(i => $"{key}:{i}")))));

        foreach (var key in keys)
        {
            await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 25, $"every record of key {key}");
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"{key}:{i}"), StreamFunctions.Seen.Of(key));
            Assert.Single(StreamFunctions.Shards.Of(key).Distinct());
        }

        Assert.True(keys.SelectMany(StreamFunctions.Shards.Of).Distinct().Count() > 1, "The keys all hashed to one shard.");
        Assert.True(StreamFunctions.PeakOrdered > 1, $"Batches of different shards never overlapped (peak {StreamFunctions.PeakOrdered}).");
    }

    [Fact]
    public async Task RecordFailsOnce_BatchRetriedFromTheFailedRecord_EarlierRecordsNotHandledAgain()
    {
        var folder = NewFolder();
        var key = NewKey();
        string[] data = [$"{key}:a", $"{key}:b", $"{key}:c-fail-once", $"{key}:d", $"{key}:e"];
        await PutBeforeStartAsync(folder, "retried", key, data);
        await using var host = await StartAsync(folder);

        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 6, "the batch and its retry");

        Assert.Equal([data[0], data[1], data[2], data[2], data[3], data[4]], StreamFunctions.Seen.Of(key));
        Assert.Contains(host.LogLines, l => l.Contains("retrying from there (retry 1)", StringComparison.Ordinal) && l.Contains("\"stream\":\"retried\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PoisonRecord_WithBisection_IsIsolatedByHalvingAndTheRestHandledOnce()
    {
        var folder = NewFolder();
        var key = NewKey();
        var data = Enumerable.Range(0, 8).Select(i => i == 5 ? $"{key}:{i}-poison" : $"{key}:{i}").ToList();
        var put = await PutBeforeStartAsync(folder, "bisected", key, data);
        await using var host = await StartAsync(folder);

        var failures = await DrainAsync(host.Handle.GetQueue("bisected-failures"), 1);

        var failure = Assert.Single(failures);
        using var record = JsonDocument.Parse(failure);
        var info = record.RootElement.GetProperty("KinesisBatchInfo");
        Assert.Equal(put[5].SequenceNumber, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(put[5].SequenceNumber, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal(1, info.GetProperty("batchSize").GetInt32());
        Assert.Equal("RetryAttemptsExhausted", record.RootElement.GetProperty("requestContext").GetProperty("condition").GetString());
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 7, "the good records");
        Assert.Equal(data.Where(d => !d.EndsWith("poison", StringComparison.Ordinal)), StreamFunctions.Seen.Of(key));
        // 8 fails and splits; its first half of 4 succeeds; the second half of 4 (records 4-7) fails and splits; 2 (4-5)
        // fails and splits; 1 (4) succeeds; 1 (5) fails, is retried once, then given up on; then 2 (6-7) succeeds.
        Assert.Equal([8, 4, 4, 2, 1, 1, 1, 2], StreamFunctions.Batches.Of(key));
    }

    [Fact]
    public async Task PoisonRecord_AfterMaxRetryAttempts_GoesToTheDeadLetterQueueAndTheShardMovesOn()
    {
        var folder = NewFolder();
        var key = NewKey();
        string[] data = [$"{key}:1", $"{key}:2-poison", $"{key}:3", $"{key}:4"];
        var put = await PutBeforeStartAsync(folder, "dead-lettered", key, data);
        await using var host = await StartAsync(folder);

        var failures = await DrainAsync(host.Handle.GetQueue("dead-lettered-failures"), 1);

        using var record = JsonDocument.Parse(Assert.Single(failures));
        var info = record.RootElement.GetProperty("KinesisBatchInfo");
        Assert.Equal(put[1].SequenceNumber, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(put[1].Shard, info.GetProperty("shardId").GetString());
        Assert.Equal(3, record.RootElement.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        // The first try and MaxRetryAttempts = 2 retries.
        Assert.Equal(3, Calls.Count(data[1]));
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 3, "the records after the poison one");
        Assert.Equal([data[0], data[2], data[3]], StreamFunctions.Seen.Of(key));
        Assert.Equal(1, Calls.Count(data[0]));
        Assert.Contains(host.LogLines, l => l.Contains("sent to 'dead-lettered-failures'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Restart_ResumesAfterTheCheckpoint_NoRecordHandledTwice()
    {
        var folder = NewFolder();
        var key = NewKey();
        var first = Enumerable.Range(0, 7).Select(i => $"{key}:first-{i}").ToList();
        var second = Enumerable.Range(0, 4).Select(i => $"{key}:second-{i}").ToList();
        var host = await StartAsync(folder);
        try
        {
            await PutAsync(host.Handle.StreamSender, "counted", key, first);
            await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= first.Count, "the first records");
        }
        finally
        {
            // Stopping lets a batch in flight finish and checkpoint; the stream database outlives the host.
            await host.StopAsync();
        }

        await using var restarted = await StartAsync(folder);
        await PutAsync(restarted.Handle.StreamSender, "counted", key, second);

        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= first.Count + second.Count, "the records put after the restart");
        await Task.Delay(500);
        Assert.Equal(first.Concat(second), StreamFunctions.Seen.Of(key));
        Assert.All(first.Concat(second), d => Assert.Equal(1, Calls.Count(d)));
    }

    [Fact]
    public async Task StartingPositionLatest_RecordsPutBeforeTheFirstStartAreSkipped_LaterOnesHandled()
    {
        var folder = NewFolder();
        var key = NewKey();
        await PutBeforeStartAsync(folder, "latest", key, [$"{key}:old-1", $"{key}:old-2"]);
        await using var host = await StartAsync(folder);

        // LATEST is fixed when the host starts, so a record put right after it is handled.
        var shard = (await PutAsync(host.Handle.StreamSender, "latest", key, [$"{key}:new"]))[0].Shard;

        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 1, "the record put after the start");
        await Task.Delay(300);
        Assert.Equal([$"{key}:new"], StreamFunctions.Seen.Of(key));
        Assert.NotNull(await host.Handle.GetStream("latest").GetCheckpointAsync("stream-latest", shard));
    }

    [Fact]
    public async Task FunctionTimesOut_BatchIsRetriedAndSucceeds()
    {
        await using var host = await StartAsync();
        var key = NewKey();

        await PutAsync(host.Handle.StreamSender, "slow-stream", key, [$"{key}:slow"]);

        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count == 1, "the retry after the timeout");
        Assert.Equal(2, Calls.Count($"{key}:slow"));
        Assert.Contains(host.LogLines, l => l.Contains("retrying from there (retry 1)", StringComparison.Ordinal) && l.Contains("\"stream\":\"slow-stream\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DynamoDbChanges_PutByTheSender_ArriveAsDynamoDbEventsInOrderPerItem()
    {
        await using var host = await StartAsync();
        var test = NewKey();
        string Change(string name, string id, string image) =>
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["eventName"] = name,
                ["Keys"] = new { id = new { S = id } },
                [image] = new { id = new { S = id }, test = new { S = test } },
            });

        foreach (var change in new[] { Change("INSERT", "a", "NewImage"), Change("MODIFY", "a", "NewImage"), Change("REMOVE", "a", "OldImage") })
            await host.Handle.StreamSender.PutRecordAsync("orders-table", "", Encoding.UTF8.GetBytes(change));

        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(test).Count >= 3, "the three changes");
        Assert.Equal(["INSERT a NEW_IMAGE aws:dynamodb", "MODIFY a NEW_IMAGE aws:dynamodb", "REMOVE a OLD_IMAGE aws:dynamodb"], StreamFunctions.Seen.Of(test));
        Assert.Contains("dynamodb stream orders-table (batch 10)", host.Banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DynamoDbStream_RecordThatIsNotAChange_RejectedWithTheReason()
    {
        await using var host = await StartAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await host.Handle.StreamSender.PutRecordAsync("orders-table", "", Encoding.UTF8.GetBytes("""{"eventName":"UPSERT","Keys":{"id":{"S":"1"}}}""")));

        Assert.Contains("eventName must be INSERT, MODIFY or REMOVE, not 'UPSERT'", error.Message, StringComparison.Ordinal);
    }
}
