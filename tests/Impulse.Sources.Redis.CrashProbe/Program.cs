// Usage: CrashProbe CONNECTION PREFIX QUEUE WORKERS VISIBILITY_MS WORK_MS
// Receives batches of 10 and deletes them, forever. Prints "processed ID" once a message is processed (before its
// delete) and "deleted ID" once the delete returned, so a printed line proves the step it names completed. WORK_MS
// of pretend work between the two gives a kill a real chance to land while a batch is in flight.
// It prints "ready" once connected, so the test's random kill delay counts from real work.
using System.Globalization;
using Impulse.Sources;
using Impulse.Sources.Redis;

if (args.Length < 6)
{
    Console.Error.WriteLine("usage: CONNECTION PREFIX QUEUE WORKERS VISIBILITY_MS WORK_MS");
    return 2;
}

var (connection, prefix, queueName) = (args[0], args[1], args[2]);
var workers = int.Parse(args[3], CultureInfo.InvariantCulture);
var visibility = TimeSpan.FromMilliseconds(int.Parse(args[4], CultureInfo.InvariantCulture));
var work = TimeSpan.FromMilliseconds(int.Parse(args[5], CultureInfo.InvariantCulture));
var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = connection, Prefix = prefix });
var queue = factory.Create(new QueueDefinition(queueName, null, new Dictionary<string, string>()));
await queue.GetStatisticsAsync();

// One writer, so lines from several workers never interleave mid-line; AutoFlush so every line reaches the pipe
// before the next step starts, which is what makes a printed line proof that the step completed.
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var gate = new object();
void Report(string line)
{
    lock (gate)
    {
        output.WriteLine(line);
    }
}

Report("ready");
var tasks = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
{
    while (true)
    {
        // A short visibility timeout, so what a killed probe held in flight comes back soon for the next one.
        var batch = await queue.ReceiveAsync(10, visibility, TimeSpan.FromSeconds(1));
        foreach (var message in batch)
        {
            Report($"processed {message.MessageId}");
        }

        if (batch.Count > 0)
        {
            await Task.Delay(work);
        }

        await queue.DeleteAsync([.. batch.Select(m => m.ReceiptHandle)]);
        foreach (var message in batch)
        {
            Report($"deleted {message.MessageId}");
        }
    }
})).ToArray();

await Task.WhenAll(tasks);
return 0;
