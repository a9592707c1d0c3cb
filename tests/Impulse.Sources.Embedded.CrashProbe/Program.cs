// Usage: CrashProbe send DB_PATH QUEUE WORKERS   sends "n" bodies forever; prints "sent BODY ID" after each send returns
//        CrashProbe consume DB_PATH QUEUE         receives and deletes forever; prints "received ID" before the delete
//                                                and "deleted ID" after it returns
// It prints "ready" once the database is open, so the test's random kill delay counts from real work.
using Impulse.Sources;
using Impulse.Sources.Embedded;

if (args.Length < 3)
{
    Console.Error.WriteLine("usage: send|consume DB_PATH QUEUE [WORKERS]");
    return 2;
}

var (mode, path, queueName) = (args[0], args[1], args[2]);
var workers = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1;
var database = EmbeddedQueueDatabase.Open(new EmbeddedQueueOptions { DatabasePath = path });
var queue = database.GetQueue(queueName);
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
var counter = -1;
var tasks = Enumerable.Range(0, workers).Select(_ => mode switch
{
    "send" => Task.Run(async () =>
    {
        while (true)
        {
            var n = Interlocked.Increment(ref counter);
            var id = await queue.SendAsync($"{n}");
            Report($"sent {n} {id}");
        }
    }),
    "consume" => Task.Run(async () =>
    {
        while (true)
        {
            // A short visibility timeout, so the test can collect what a killed consumer held in flight.
            var batch = await queue.ReceiveAsync(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1));
            foreach (var message in batch)
            {
                Report($"received {message.MessageId}");
            }

            await queue.DeleteAsync(batch.Select(m => m.ReceiptHandle).ToArray());
            foreach (var message in batch)
            {
                Report($"deleted {message.MessageId}");
            }
        }
    }),
    _ => throw new ArgumentException($"Unknown mode '{mode}'."),
}).ToArray();

await Task.WhenAll(tasks);
return 0;
