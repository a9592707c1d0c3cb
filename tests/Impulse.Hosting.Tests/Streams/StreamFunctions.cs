using System.Text;
using Impulse.Events;
using Impulse.Hosting.Tests.App;
using Impulse.Sources;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>
/// Functions behind stream pull triggers. Every test host serves them, each on its own stream database, so record
/// data starts with a key unique to the test (<c>key:rest</c>) and handlers record under that key.
/// </summary>
public static class StreamFunctions
{
    /// <summary>Records each record's data per key, holding each batch a moment so shards overlap.</summary>
    [Function("stream-ordered")]
    [PullTrigger(PullSource.Stream, "ordered", BatchSize = 10)]
    public static async Task Ordered(KinesisEvent batch)
    {
        var now = Interlocked.Increment(ref s_running);
        InterlockedMax(ref s_peak, now);
        try
        {
            await Task.Delay(30).ConfigureAwait(false);
            foreach (var record in batch.Records)
            {
                var data = Encoding.UTF8.GetString(record.Kinesis.Data);
                Seen.Add(KeyOf(data), data);
                Shards.Add(KeyOf(data), record.EventId.Split(':')[0]);
            }
        }
        finally
        {
            Interlocked.Decrement(ref s_running);
        }
    }

    /// <summary>One record at a time: data ending in <c>fail-once</c> throws on its first call only.</summary>
    [Function("stream-retry")]
    [PullTrigger(PullSource.Stream, "retried", BatchSize = 10, MaxBatchingWindowSeconds = 1)]
    public static void Retried(string data)
    {
        var calls = Calls.Record(data);
        Seen.Add(KeyOf(data), data);
        if (data.EndsWith("fail-once", StringComparison.Ordinal) && calls == 1)
            throw new InvalidOperationException("failing once");
    }

    /// <summary>The whole batch fails while it holds a record ending in <c>poison</c>; bisection isolates it.</summary>
    [Function("stream-bisect")]
    [PullTrigger(PullSource.Stream, "bisected", BatchSize = 8, MaxBatchingWindowSeconds = 1, BisectBatchOnFunctionError = true, MaxRetryAttempts = 1, DeadLetterQueue = "bisected-failures")]
    public static void Bisected(KinesisEvent batch)
    {
        var data = batch.Records.Select(r => Encoding.UTF8.GetString(r.Kinesis.Data)).ToList();
        Batches.Add(KeyOf(data[0]), data.Count);
        if (data.Any(d => d.EndsWith("poison", StringComparison.Ordinal)))
            throw new InvalidOperationException("a poison record");
        foreach (var d in data)
            Seen.Add(KeyOf(d), d);
    }

    /// <summary>One record at a time: data ending in <c>poison</c> always throws; no bisection, two retries.</summary>
    [Function("stream-dlq")]
    [PullTrigger(PullSource.Stream, "dead-lettered", BatchSize = 5, MaxBatchingWindowSeconds = 1, MaxRetryAttempts = 2, DeadLetterQueue = "dead-lettered-failures")]
    public static void DeadLettered(string data)
    {
        Calls.Record(data);
        if (data.EndsWith("poison", StringComparison.Ordinal))
            throw new InvalidOperationException("poison");
        Seen.Add(KeyOf(data), data);
    }

    /// <summary>Counts each record's data, to show what a restart hands out again.</summary>
    [Function("stream-counted")]
    [PullTrigger(PullSource.Stream, "counted", BatchSize = 3)]
    public static void Counted(string data)
    {
        Calls.Record(data);
        Seen.Add(KeyOf(data), data);
    }

    /// <summary>One DynamoDB change at a time, recorded as <c>eventName key</c> under the change's <c>test</c> attribute.</summary>
    [Function("table-changes")]
    [PullTrigger(PullSource.DynamoDbStream, "orders-table", BatchSize = 10)]
    public static void Changes(DynamoDbEventRecord change)
    {
        var image = change.DynamoDb.NewImage ?? change.DynamoDb.OldImage!;
        Seen.Add(image["test"].S!, $"{change.EventName} {change.DynamoDb.Keys["id"].S} {change.DynamoDb.StreamViewType} {change.EventSource}");
    }

    /// <summary>Starts at <c>LATEST</c>: records put before its first start are not its business.</summary>
    [Function("stream-latest")]
    [PullTrigger(PullSource.Stream, "latest", BatchSize = 10, StartingPosition = "LATEST")]
    public static void Latest(string data) => Seen.Add(KeyOf(data), data);

    /// <summary>Runs past its one-second timeout on the first call per record, then succeeds.</summary>
    [Function("stream-slow-once", TimeoutSeconds = 1)]
    [PullTrigger(PullSource.Stream, "slow-stream", BatchSize = 1)]
    public static async Task SlowOnce(string data, CancellationToken cancel)
    {
        if (Calls.Record(data) == 1)
            await Task.Delay(TimeSpan.FromSeconds(30), cancel).ConfigureAwait(false);
        Seen.Add(KeyOf(data), data);
    }

    /// <summary>Puts a record on the <c>counted</c> stream through the ambient sender, as one function feeds another's stream trigger.</summary>
    [Function("stream-feeder")]
    public static async Task<string> Feed(Probe probe, CancellationToken cancel)
    {
        var put = await AmbientStreamSender.Instance.PutRecordAsync("counted", probe.Key, Encoding.UTF8.GetBytes($"{probe.Key}:fed"), cancel).ConfigureAwait(false);
        return put.SequenceNumber;
    }

    public static readonly Recorder<string> Seen = new();
    public static readonly Recorder<string> Shards = new();
    public static readonly Recorder<int> Batches = new();

    private static int s_running;
    private static int s_peak;

    /// <summary>The most <c>stream-ordered</c> batches that ran at once.</summary>
    public static int PeakOrdered => Volatile.Read(ref s_peak);

    public static string KeyOf(string data) => data.Split(':')[0];

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
