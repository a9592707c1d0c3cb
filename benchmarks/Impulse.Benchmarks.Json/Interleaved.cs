using System.Diagnostics;
using System.Globalization;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// A cross-check of BenchmarkDotNet's ratios for a machine whose load changes from second to second.
/// BenchmarkDotNet times one method after another, so a burst of load that lands on one of them skews
/// their ratio. Here the three methods of a case take turns in short batches (order rotated each round),
/// so every round's ratio compares methods that met the same load; the median over many rounds is
/// the figure. Same setup, same methods, same process (warmed to tier 1 first).
/// </summary>
public static class Interleaved
{
    private const int Rounds = 1000;
    private static readonly TimeSpan BatchTarget = TimeSpan.FromMilliseconds(1);

    /// <summary>Times every case and writes one Markdown table to standard output.</summary>
    public static void Run()
    {
        Console.WriteLine($"Interleaved: {Rounds} rounds per case, batches of about {BatchTarget.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms per method, order rotated each round; medians.");
        Console.WriteLine();
        Console.WriteLine("| Case | Method | Median ns/op | Ratio to StjSourceGen (median of rounds) | Middle 50% of round ratios | Allocated B/op |");
        Console.WriteLine("| --- | --- | ---: | ---: | --- | ---: |");
        foreach (var records in new[] { 1, 10 })
            Case($"SqsRead Records={records}", WithFloor(new SqsRead { Records = records }));
        Case("HttpApiRequestRead", Methods(new HttpApiRequestRead()));
        Case("DynamoDbRead", Methods(new DynamoDbRead()));
        Case("BatchItemFailuresWrite", Methods(new BatchItemFailuresWrite()));
        foreach (var body in new[] { "text", "json" })
            Case($"HttpApiResponseWrite Body={body}", Methods(new HttpApiResponseWrite { Body = body }));
    }

    private static (string Name, Func<object> Call)[] Methods<T>(ReadBenchmarks<T> benchmark)
        where T : class
    {
        benchmark.Setup();
        return [("Generated", benchmark.Generated), ("StjSourceGen", benchmark.StjSourceGen), ("StjReflection", benchmark.StjReflection)];
    }

    /// <summary>The readers, and beside them the floor of any Utf8JsonReader-based reader on the same input.</summary>
    private static (string Name, Func<object> Call)[] WithFloor<T>(ReadBenchmarks<T> benchmark)
        where T : class
    {
        var methods = Methods(benchmark);
        var input = benchmark.Input;
        return [.. methods, ("Floor: tokens", () => Floor.Tokens(input)), ("Floor: tokens + strings", () => Floor.TokensAndStrings(input))];
    }

    private static (string Name, Func<object> Call)[] Methods<T>(WriteBenchmarks<T> benchmark)
        where T : class
    {
        benchmark.Setup();
        // The written count is dropped rather than boxed, so the allocation column is the writers' own.
        return [("Generated", () => Discard(benchmark.Generated())), ("StjSourceGen", () => Discard(benchmark.StjSourceGen())), ("StjReflection", () => Discard(benchmark.StjReflection()))];
    }

    private static object Discard(int written) => written > 0 ? s_written : throw new InvalidOperationException("Nothing was written.");

    private static readonly object s_written = new();

    private static void Case(string name, (string Name, Func<object> Call)[] methods)
    {
        // Warm every method past tiered compilation's thresholds, then size one batch to the target.
        var batch = new int[methods.Length];
        for (var m = 0; m < methods.Length; m++)
        {
            var warm = Stopwatch.StartNew();
            var calls = 0;
            while (warm.ElapsedMilliseconds < 1000 || calls < 50_000)
            {
                methods[m].Call();
                calls++;
            }
            batch[m] = Math.Max(1, (int)(calls * BatchTarget.TotalMilliseconds / warm.Elapsed.TotalMilliseconds));
        }

        var nsPerOp = new double[methods.Length][];
        var allocated = new double[methods.Length];
        for (var m = 0; m < methods.Length; m++)
            nsPerOp[m] = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < methods.Length; k++)
            {
                var m = (round + k) % methods.Length;
                var call = methods[m].Call;
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < batch[m]; i++)
                    call();
                var elapsed = Stopwatch.GetElapsedTime(start);
                nsPerOp[m][round] = elapsed.TotalNanoseconds / batch[m];
                allocated[m] = (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / batch[m];
            }
        }

        var baseline = Array.FindIndex(methods, x => x.Name == "StjSourceGen");
        for (var m = 0; m < methods.Length; m++)
        {
            var ratios = Enumerable.Range(0, Rounds).Select(r => nsPerOp[m][r] / nsPerOp[baseline][r]).Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {methods[m].Name} | {Median(nsPerOp[m]):F1} | {Quantile(ratios, 0.5):F2} | {Quantile(ratios, 0.25):F2}–{Quantile(ratios, 0.75):F2} | {allocated[m]:F0} |"));
        }
    }

    private static double Median(double[] values) => Quantile([.. values.Order()], 0.5);

    private static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
