using Impulse.Tool.Cli;

namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>
/// A temporary registry and the synthetic app builds a test packages into it, driven through the tool's
/// own command line, as a user drives it.
/// </summary>
public sealed class RegistryScenario : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private int _builds;

    /// <summary>The registry folder.</summary>
    public string Registry => _folder["registry"];

    /// <summary>A scratch path.</summary>
    public string this[string relative] => _folder[relative];

    /// <summary>Writes a synthetic app build and packages it: its package becomes $LATEST.</summary>
    public async Task<ToolResult> PackageAsync(string code = "code v1", int memoryMb = 256)
    {
        var build = ++_builds;
        var app = SyntheticApp.Write(_folder[$"app-{build}"], code, memoryMb);
        return (await RunAsync("package", "--publish-dir", app, "--output", _folder[$"out-{build}"])).Succeeded();
    }

    /// <summary>Packages and publishes <paramref name="count"/> builds with different code: versions 1..count of every function.</summary>
    public async Task PublishVersionsAsync(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            await PackageAsync($"code v{i}");
            (await RunAsync("publish", "--description", $"build {i}")).Succeeded();
        }
    }

    /// <summary>The stored file of the $LATEST package, found from the CodeSha256 that 'versions' reports.</summary>
    public async Task<string> LatestPackageFileAsync()
    {
        var latest = (await RunAsync("versions", SyntheticApp.Functions[0])).Succeeded().Out
            .Split('\n').Single(l => l.StartsWith("$LATEST\t", StringComparison.Ordinal)).Split('\t');
        return System.IO.Path.Combine(Registry, "packages", Convert.ToHexStringLower(Convert.FromBase64String(latest[2])) + ".zip");
    }

    /// <summary>Runs the tool against this registry.</summary>
    public Task<ToolResult> RunAsync(params string[] args) => ToolRun.AgainstAsync(Registry, args);

    /// <summary>Everything the registry holds, to compare before and after a command.</summary>
    public string Snapshot() => RegistrySnapshot.Take(Registry);

    /// <summary>The environment the tool sees.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { [CommonOptions.RegistryVariable] = Registry };

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => _folder.Dispose();
}
