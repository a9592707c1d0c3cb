using System.Globalization;
using System.Text;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>Turns the results into Markdown: the figures against the issue's targets, then where the memory is.</summary>
internal static class Report
{
    // The issue's targets. MB here is 10^6 bytes, the stricter reading of "MB".
    private const double MaxBinaryMb = 4;
    private const double MaxStartMedianMs = 5;
    private const double MaxPeakRssMb = 8;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static (string Markdown, bool Passed) Write(Results r)
    {
        var md = new StringBuilder();
        var passed = true;
        void Row(string figure, string value, string target = "", bool? pass = null)
        {
            passed &= pass != false;
            md.Append(Invariant, $"| {figure} | {value} | {target} | {pass switch { true => "pass", false => "**FAIL**", null => "" }} |\n");
        }

        var m = r.Machine;
        md.Append(Invariant, $"Machine: {m.Cores} cores ({m.Cpu}), {m.Os}; .NET SDK {m.Sdk} ({m.Runtime}).\n");
        md.Append(Invariant, $"Load average before / after: {m.LoadAverage} / {r.LoadAverageAfter}.\n");
        md.Append(Invariant, $"Cold starts: {r.Bootstrap.StartMs.Count} fresh processes each (after 3 discarded); round trips: {r.Options.Invocations:N0} sequential `ping` invocations after {r.Options.Warmup:N0} warm-up.\n");
        if (r.Options.Environment.Count > 0)
            md.Append(Invariant, $"Extra environment for bootstrap: {string.Join(", ", r.Options.Environment.Select(e => $"`{e.Key}={e.Value}`"))}.\n");
        md.Append('\n');

        md.Append("| Figure | Value | Target | Result |\n|---|---|---|---|\n");
        var b = r.Bootstrap;
        Row("`bootstrap` size", $"{b.Bytes:N0} bytes ({Mb(b.Bytes)})", $"≤ {MaxBinaryMb} MB", b.Bytes / 1e6 <= MaxBinaryMb);
        Row("Start → first `/next`, median", Ms(b.StartMs.Median), $"≤ {MaxStartMedianMs} ms", b.StartMs.Median <= MaxStartMedianMs);
        Row("Start → first `/next`, p90", Ms(b.StartMs.Percentile(90)));
        Row("Start → first `/next`, min", Ms(b.StartMs.Min));
        if (b.StartPeakRssKb is { } coldPeak)
            Row("Peak RSS at first `/next` (VmHWM, median)", KbAsMb(coldPeak.Median));
        var w = r.BootstrapWarm;
        Row($"Peak RSS after {r.Options.Warmup + r.Options.Invocations:N0} invocations (VmHWM)", w.PeakRssKb is { } peak ? KbAsMb(peak) : "n/a",
            $"≤ {MaxPeakRssMb} MB", w.PeakRssKb is { } p && p * 1024 / 1e6 <= MaxPeakRssMb);
        Row("RSS after the invocations (VmRSS)", w.RssKb is { } rss ? KbAsMb(rss) : "n/a");
        Row("`ping` round trip, p50", Ms(w.RoundTripMs.Median));
        Row("`ping` round trip, p99", Ms(w.RoundTripMs.Percentile(99)));

        if (r.HelloWorld is { } hello)
        {
            Row("Baseline: hello world size", $"{hello.Bytes:N0} bytes ({Mb(hello.Bytes)})");
            Row("Baseline: hello world start → exit, median / p90 / min", Three(hello.StartMs));
        }
        if (r.RawNext is { } raw)
        {
            Row("Baseline: raw-socket client size", $"{raw.Bytes:N0} bytes ({Mb(raw.Bytes)})");
            Row("Baseline: raw-socket client start → first `/next`, median / p90 / min", Three(raw.StartMs));
            if (raw.StartPeakRssKb is { } rawPeak)
                Row("Baseline: raw-socket client peak RSS at first `/next` (median)", KbAsMb(rawPeak.Median));
        }
        if (r.RawNextWarm is { } rawWarm)
        {
            Row("Baseline: raw-socket round trip, p50 / p99", $"{Ms(rawWarm.RoundTripMs.Median)} / {Ms(rawWarm.RoundTripMs.Percentile(99))}");
            Row("Baseline: raw-socket peak RSS after the invocations", rawWarm.PeakRssKb is { } rp ? KbAsMb(rp) : "n/a");
        }
        md.Append("\nMB = 10⁶ bytes; RSS figures are the kernel's KiB converted. Start is `Stopwatch.GetTimestamp()` just before `Process.Start`, in the benchmark process; first `/next` is the fake server's timestamp for it, on the same clock.\n");

        WriteMemory(md, r);
        return (md.ToString(), passed);
    }

    private static void WriteMemory(StringBuilder md, Results r)
    {
        List<(string Title, IReadOnlyList<MemoryPart> Parts)> columns =
        [
            ("`bootstrap` at first `/next`", r.Bootstrap.Memory),
            ("`bootstrap` after the round trips", r.BootstrapWarm.Memory),
            ("raw-socket at first `/next`", r.RawNext?.Memory ?? []),
            ("raw-socket after the round trips", r.RawNextWarm?.Memory ?? []),
        ];
        columns.RemoveAll(c => c.Parts.Count == 0);
        var kinds = columns.SelectMany(c => c.Parts)
            .GroupBy(p => p.Kind, StringComparer.Ordinal)
            .OrderByDescending(g => g.Max(p => p.RssKb))
            .Select(g => g.Key)
            .Where(kind => columns.Any(c => c.Parts.Any(p => p.Kind == kind && p.RssKb > 0)))
            .ToList();

        md.Append("\nResident memory by mapping (`/proc/PID/smaps`, KiB):\n\n");
        md.Append("| Mappings | ").AppendJoin(" | ", columns.Select(c => c.Title)).Append(" |\n");
        md.Append("|---|").AppendJoin("", columns.Select(_ => "---:|")).Append('\n');
        foreach (var kind in kinds)
            md.Append(Invariant, $"| {kind} | ").AppendJoin(" | ", columns.Select(c => Kb(c.Parts.FirstOrDefault(p => p.Kind == kind)?.RssKb ?? 0))).Append(" |\n");
        md.Append("| total | ").AppendJoin(" | ", columns.Select(c => Kb(c.Parts.Sum(p => p.RssKb)))).Append(" |\n");
    }

    private static string Kb(long kb) => kb.ToString("N0", Invariant);

    private static string Three(Sample s) => $"{Ms(s.Median)} / {Ms(s.Percentile(90))} / {Ms(s.Min)}";

    private static string Ms(double ms) => ms.ToString("0.00", Invariant) + " ms";

    private static string Mb(double bytes) => (bytes / 1e6).ToString("0.00", Invariant) + " MB";

    private static string KbAsMb(double kb) => Mb(kb * 1024);
}
