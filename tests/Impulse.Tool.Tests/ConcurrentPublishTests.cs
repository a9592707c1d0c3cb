using System.Diagnostics;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

public sealed class ConcurrentPublishTests : IDisposable
{
    private const int Publishers = 8;

    private readonly RegistryScenario _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task Eight_processes_publishing_at_once_get_distinct_gap_free_numbers_and_an_intact_registry()
    {
        // Eight different builds, each packaged on its own (into a scratch registry), so every publish is a change.
        var packages = new List<string>();
        using (var scratch = new RegistryScenario())
        {
            for (var i = 1; i <= Publishers; i++)
            {
                await scratch.PackageAsync($"build {i}");
                var zip = Directory.GetFiles(scratch[$"out-{i}"], "*.zip").Single();
                var kept = _registry[$"package-{i}.zip"];
                File.Copy(zip, kept);
                packages.Add(kept);
            }
        }

        // All eight start before any is awaited; each opens a registry nobody has created yet.
        var processes = packages.Select(p => ToolRun.Start("publish", "--package", p, "--registry", _registry.Registry, "--function", "create-order")).ToList();
        var results = new List<(int Exit, string Out, string Error)>();
        try
        {
            foreach (var process in processes)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                using var overrun = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await process.WaitForExitAsync(overrun.Token);
                results.Add((process.ExitCode, await output, await error));
            }
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.Dispose();
            }
        }

        Assert.All(results, r => Assert.True(r.Exit == 0, $"exit {r.Exit}: {r.Error}"));
        var reported = results.Select(r => int.Parse(r.Out.Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Publishers), reported);
        Assert.Equal(Enumerable.Range(1, Publishers).Select(n => (long)n), RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
        Assert.Equal("ok", RegistrySnapshot.IntegrityCheck(_registry.Registry));
        Assert.All(results, r => Assert.Contains("\tpublished\t", r.Out, StringComparison.Ordinal));
    }
}
