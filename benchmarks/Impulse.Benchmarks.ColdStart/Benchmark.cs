using System.Text;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>The order of measurements: baselines interleaved with the sample, so load on a shared machine hits all alike.</summary>
internal static class Benchmark
{
    private const int WarmupStarts = 3;
    private static readonly byte[] PingEvent = Encoding.UTF8.GetBytes("\"bench\"");
    private static readonly Dictionary<string, string> NoEnvironment = [];

    public static async Task<Results> RunAsync(Options options, Binaries binaries, Machine machine, TextWriter log)
    {
        // The first few starts pay for this process's JIT, Kestrel and the page cache, not for the subject.
        log.WriteLine($"Warming up ({WarmupStarts} starts each) …");
        for (var i = 0; i < WarmupStarts; i++)
            await OneRoundAsync(options, binaries);

        var bootstrap = new List<ColdStartRun>();
        var rawNext = new List<ColdStartRun>();
        var hello = new List<double>();
        for (var i = 0; i < options.Runs; i++)
        {
            // Reading smaps takes a moment of the child's time; only the last round does it, after its timing.
            var (b, r, h) = await OneRoundAsync(options, binaries, readMappings: i == options.Runs - 1);
            bootstrap.Add(b);
            if (r is not null)
                rawNext.Add(r);
            if (h is { } ms)
                hello.Add(ms);
            if ((i + 1) % 10 == 0)
                log.WriteLine($"  {i + 1}/{options.Runs} cold starts");
        }

        log.WriteLine($"Round trips: {options.Warmup} warm-up then {options.Invocations} timed ping invocations …");
        var warm = await Probes.RoundTripsAsync(binaries.Bootstrap, "ping", PingEvent, "\"pong: bench\"", options.Warmup, options.Invocations, options.Environment);
        WarmRun? rawWarm = null;
        if (binaries.RawNext is { } raw)
        {
            log.WriteLine("Round trips of the raw-socket baseline …");
            rawWarm = await Probes.RoundTripsAsync(raw, "ping", PingEvent, "\"pong\"", options.Warmup, options.Invocations, NoEnvironment);
        }

        return new Results(
            machine,
            options,
            Machine.LoadAverageNow(),
            ColdStartsOf(binaries.Bootstrap, bootstrap),
            warm,
            binaries.HelloWorld is { } h2 ? new ColdStarts(new FileInfo(h2).Length, new Sample(hello), null, []) : null,
            binaries.RawNext is { } r2 ? ColdStartsOf(r2, rawNext) : null,
            rawWarm);
    }

    private static async Task<(ColdStartRun Bootstrap, ColdStartRun? RawNext, double? Hello)> OneRoundAsync(
        Options options, Binaries binaries, bool readMappings = false)
    {
        var bootstrap = await Probes.StartToFirstNextAsync(binaries.Bootstrap, "ping", options.Environment, readMappings);
        var rawNext = binaries.RawNext is { } raw ? await Probes.StartToFirstNextAsync(raw, "ping", NoEnvironment, readMappings) : null;
        double? hello = binaries.HelloWorld is { } h ? await Probes.StartToExitAsync(h) : null;
        return (bootstrap, rawNext, hello);
    }

    private static ColdStarts ColdStartsOf(string binary, List<ColdStartRun> runs) =>
        new(new FileInfo(binary).Length,
            new Sample(runs.Select(r => r.StartToNextMs)),
            runs.All(r => r.PeakRssKb is not null) ? new Sample(runs.Select(r => (double)r.PeakRssKb!.Value)) : null,
            runs[^1].Memory ?? []);
}
