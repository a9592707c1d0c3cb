using System.Diagnostics;
using Impulse;

namespace LocalHostApp;

/// <summary>The functions the benchmark drives.</summary>
public static class BenchFunctions
{
    private static readonly long s_total = ReadTotal();
    private static long s_count;
    private static long s_firstTimestamp;

    /// <summary>The HTTP figure: does nothing and returns a constant.</summary>
    [Function("noop")]
    [PushTrigger(PushSource.Http, "GET /noop")]
    public static string Noop() => "ok";

    /// <summary>The queue figure: counts messages; prints the drain time once BENCH_DRAIN_TOTAL have arrived.</summary>
    [Function("drain")]
    [PullTrigger(PullSource.Queue, "bench", BatchSize = 10)]
    public static void Drain(string message)
    {
        _ = message;
        var now = Stopwatch.GetTimestamp();
        // The clock starts at the first message handled, so host start-up and the first long poll are not counted.
        Interlocked.CompareExchange(ref s_firstTimestamp, now, 0);
        var count = Interlocked.Increment(ref s_count);
        if (count == s_total)
        {
            var seconds = Stopwatch.GetElapsedTime(Interlocked.Read(ref s_firstTimestamp), now).TotalSeconds;
            Console.Error.WriteLine(FormattableString.Invariant(
                $"BENCH drained {count} messages in {seconds:F3} s: {count / seconds:F0} messages/s"));
        }
    }

    private static long ReadTotal()
        => long.TryParse(Environment.GetEnvironmentVariable("BENCH_DRAIN_TOTAL"), out var total) && total > 0 ? total : long.MaxValue;
}
