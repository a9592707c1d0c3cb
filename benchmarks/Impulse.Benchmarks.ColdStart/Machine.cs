using System.Diagnostics;
using System.Runtime.InteropServices;
using Impulse.Integration.Infrastructure;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>What the figures were measured on; a shared machine's load is part of the story.</summary>
internal sealed record Machine(int Cores, string Cpu, string Os, string Sdk, string Runtime, string LoadAverage)
{
    public static async Task<Machine> DescribeAsync()
    {
        var sdk = await ChildProcess.RunAsync(new ProcessStartInfo("dotnet") { ArgumentList = { "--version" } }, TimeSpan.FromSeconds(60));
        return new Machine(
            Environment.ProcessorCount,
            FirstLine("/proc/cpuinfo", "model name") ?? "unknown CPU",
            RuntimeInformation.OSDescription,
            sdk.StandardOutput.Trim(),
            RuntimeInformation.FrameworkDescription,
            LoadAverageNow());
    }

    /// <summary>The 1, 5 and 15 minute load averages, now.</summary>
    public static string LoadAverageNow() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string? FirstLine(string file, string key) =>
        File.Exists(file)
            ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()).FirstOrDefault()
            : null;
}
