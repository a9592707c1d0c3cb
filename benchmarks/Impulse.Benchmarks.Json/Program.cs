using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// Runs the JSON benchmarks through <see cref="BenchmarkSwitcher"/>: pass BenchmarkDotNet's own options
/// (<c>--filter '*'</c>, <c>--anyCategories Read</c>, …), plus <c>--quick</c> for a short sanity run,
/// or <c>--interleaved</c> for the round-robin cross-check of the ratios (see <see cref="Interleaved"/>).
/// </summary>
public static class Program
{
    /// <summary>Checks every benchmark's setup in this process first, so a wrong read stops the run at once.</summary>
    public static int Main(string[] args)
    {
        var quick = args.Contains("--quick", StringComparer.Ordinal);
        args = [.. args.Where(a => a != "--quick")];

        CheckSetups();
        if (args.Contains("--interleaved", StringComparer.Ordinal))
        {
            Interleaved.Run();
            return 0;
        }

        // The median beside the mean: on a shared machine a few preempted iterations drag the mean up.
        var config = DefaultConfig.Instance
            .AddJob(quick ? Job.ShortRun : Job.Default)
            .AddColumn(StatisticColumn.Median);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }

    private static void CheckSetups()
    {
        foreach (var records in new[] { 1, 10 })
            new SqsRead { Records = records }.Setup();
        new HttpApiRequestRead().Setup();
        new DynamoDbRead().Setup();
        new BatchItemFailuresWrite().Setup();
        foreach (var body in new[] { "text", "json" })
            new HttpApiResponseWrite { Body = body }.Setup();
        Console.Error.WriteLine("Setup checks passed: the three readers read the same values and the three writers write the same bytes.");
    }
}
