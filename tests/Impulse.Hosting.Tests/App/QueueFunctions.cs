using System.Collections.Concurrent;
using Impulse.Events;
using Impulse.Sources;

namespace Impulse.Hosting.Tests.App;

/// <summary>
/// Functions behind queue pull triggers. Every test host serves them, each on its own queue database, so message
/// bodies start with a key unique to the test (<c>key:rest</c>) and handlers record under that key.
/// </summary>
public static class QueueFunctions
{
    /// <summary>Records each batch's size and the receive counts it saw.</summary>
    [Function("batch-sizes")]
    [PullTrigger(PullSource.Queue, "sized", BatchSize = 4, MaxBatchingWindowSeconds = 1)]
    public static void Sized(SqsEvent batch)
    {
        foreach (var record in batch.Records)
            Seen.Add(KeyOf(record.Body), record);
        Batches.Add(KeyOf(batch.Records[0].Body), batch.Records.Count);
    }

    /// <summary>Reports a message whose body ends in <c>fail</c> as failed on its first receive, and records every record.</summary>
    [Function("partial")]
    [PullTrigger(PullSource.Queue, "partial", BatchSize = 10, MaxBatchingWindowSeconds = 1)]
    public static BatchItemFailuresResponse Partial(SqsEvent batch)
    {
        var failures = new List<BatchItemFailure>();
        foreach (var record in batch.Records)
        {
            Seen.Add(KeyOf(record.Body), record);
            if (record.Body.EndsWith("fail", StringComparison.Ordinal) && record.Attributes["ApproximateReceiveCount"] == "1")
                failures.Add(new BatchItemFailure { ItemIdentifier = record.MessageId });
        }

        return new BatchItemFailuresResponse { BatchItemFailures = failures };
    }

    /// <summary>One message at a time: a body ending in <c>poison</c> always throws.</summary>
    [Function("poisoned")]
    [PullTrigger(PullSource.Queue, "poisoned", BatchSize = 5, MaxRetryAttempts = 1, DeadLetterQueue = "poisoned-dlq")]
    public static void Poisoned(string body)
    {
        Calls.Record(body);
        if (body.EndsWith("poison", StringComparison.Ordinal))
            throw new InvalidOperationException("poison");
    }

    /// <summary>Runs past its timeout on the first call per body, then succeeds.</summary>
    [Function("slow-once", TimeoutSeconds = 1)]
    [PullTrigger(PullSource.Queue, "slow", BatchSize = 1)]
    public static async Task SlowOnce(string body, CancellationToken cancel)
    {
        if (Calls.Record(body) == 1)
            await Task.Delay(TimeSpan.FromSeconds(30), cancel).ConfigureAwait(false);
    }

    /// <summary>Takes a while per message and records how many run at once.</summary>
    [Function("busy")]
    [PullTrigger(PullSource.Queue, "busy", BatchSize = 1, MaxConcurrency = 3)]
    public static async Task Busy(string body)
    {
        var key = KeyOf(body);
        var now = Running.AddOrUpdate(key, 1, (_, n) => n + 1);
        Peaks.AddOrUpdate(key, now, (_, peak) => Math.Max(peak, now));
        await Task.Delay(200).ConfigureAwait(false);
        Running.AddOrUpdate(key, 0, (_, n) => n - 1);
        Calls.Record(key);
    }

    /// <summary>Held on the latch its body names.</summary>
    [Function("held", TimeoutSeconds = 10)]
    [PullTrigger(PullSource.Queue, "held", BatchSize = 1)]
    public static Task Held(string body, CancellationToken cancel) => Latches.Get(body).EnterAsync(cancel);

    /// <summary>Waits long to fill a batch, so a message sits received but not yet invoked.</summary>
    [Function("gathering")]
    [PullTrigger(PullSource.Queue, "gathering", BatchSize = 10, MaxBatchingWindowSeconds = 30)]
    public static void Gathering(string body) => Calls.Record(body);

    /// <summary>Reads a queue configuration puts on Redis.</summary>
    [Function("redis-consumer")]
    [PullTrigger(PullSource.Queue, "on-redis", BatchSize = 1)]
    public static void OnRedis(string body) => Calls.Record(body);

    /// <summary>Consumes what <see cref="Forwarder"/> sends.</summary>
    [Function("forwarded")]
    [PullTrigger(PullSource.Queue, "forwarded", BatchSize = 1)]
    public static void Forwarded(string body) => Calls.Record(body);

    /// <summary>Every schedule event it got, by id.</summary>
    [Function("ticker")]
    [PushTrigger(PushSource.Schedule, "rate(1 minute)")]
    public static void Ticker(ScheduledEvent tick) => Ticks[tick.Id] = tick;

    public static readonly ConcurrentDictionary<string, ScheduledEvent> Ticks = new(StringComparer.Ordinal);
    public static readonly Recorder<SqsMessage> Seen = new();
    public static readonly Recorder<int> Batches = new();
    public static readonly ConcurrentDictionary<string, int> Running = new(StringComparer.Ordinal);
    public static readonly ConcurrentDictionary<string, int> Peaks = new(StringComparer.Ordinal);

    public static string KeyOf(string body) => body.Split(':')[0];
}

/// <summary>
/// Sends what it is given to the <c>forwarded</c> queue, through the sender the host installs. The app has no startup:
/// the host registers <see cref="IQueueSender"/> itself.
/// </summary>
public sealed class Forwarder(IQueueSender queues)
{
    [Function("forwarder")]
    public async Task<string> Forward(Probe probe, CancellationToken cancel) => await queues.SendAsync("forwarded", probe.Key, cancel).ConfigureAwait(false);
}

/// <summary>Values recorded per key, in order.</summary>
public sealed class Recorder<T>
{
    private readonly ConcurrentDictionary<string, List<T>> _values = new(StringComparer.Ordinal);

    public void Add(string key, T value)
    {
        var list = _values.GetOrAdd(key, static _ => []);
        lock (list)
            list.Add(value);
    }

    public IReadOnlyList<T> Of(string key)
    {
        if (!_values.TryGetValue(key, out var list))
            return [];
        lock (list)
            return [.. list];
    }
}
