using System.Diagnostics;
using Impulse.Sources;
using Impulse.Sources.Embedded;
using Impulse.Sources.Redis;

// `fill embedded DB_PATH N` or `fill redis CONNECTION N` stores N messages in the queue `bench` before the host
// starts, through the same queue sources the host opens, in batches of 10 (without N: prints the queue's counts only);
// anything else runs the app.
if (args is ["fill", var provider, var target, var countText])
{
    return await Fill(provider, target, int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture));
}

if (args is ["fill", var statsProvider, var statsTarget])
{
    return await Fill(statsProvider, statsTarget, 0);
}

// What the generated entry point does: the local host for no command or `serve`, the other commands otherwise.
return await Impulse.Generated.ImpulseFunctionApplication.RunAsync(args);

static async Task<int> Fill(string provider, string target, int count)
{
    var definition = new QueueDefinition("bench", null, new Dictionary<string, string>());
    await using var embedded = new EmbeddedQueueSourceFactory(new EmbeddedQueueOptions { DatabasePath = target });
    await using var redis = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = target });
    IQueueSourceFactory factory = provider switch
    {
        "embedded" => embedded,
        "redis" => redis,
        _ => throw new ArgumentException($"unknown provider '{provider}'"),
    };
    await using var queue = factory.Create(definition);
    var started = Stopwatch.GetTimestamp();
    var batch = new OutgoingMessage[10];
    for (var i = 0; i < batch.Length; i++)
    {
        batch[i] = OutgoingMessage.FromText("\"bench message body, about sixty bytes long as a small event\"");
    }

    // Several batches in flight at once, as several senders would have.
    const int InFlight = 8;
    var next = 0;
    var workers = Enumerable.Range(0, InFlight).Select(async _ =>
    {
        while (Interlocked.Add(ref next, batch.Length) - batch.Length < count)
        {
            await queue.SendBatchAsync(batch);
        }
    });
    await Task.WhenAll(workers);
    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var stats = await queue.GetStatisticsAsync();
    Console.Error.WriteLine(FormattableString.Invariant(
        $"BENCH filled {provider} queue 'bench' with {count} messages in {seconds:F3} s ({count / seconds:F0} messages/s); visible now: {stats}"));
    return 0;
}
