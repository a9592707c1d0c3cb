using Impulse.Tool.Cli;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

[Collection(PackagedSampleCollection.Name)]
public sealed class HelpExampleTests(PackagedSample sample)
{
    /// <summary>
    /// Runs every example the help shows, in the overview's order, from the sample's folder against a fresh
    /// registry. The sample and its build are the fixture's, so the package example's publish is incremental.
    /// Before them the registry gets versions 1 and 2 of every function, which the alias examples name.
    /// </summary>
    [Fact]
    public async Task Every_example_in_the_help_runs_against_the_prebuilt_sample()
    {
        _ = sample.Result;
        using var folder = new TemporaryFolder();
        var environment = new Dictionary<string, string>
        {
            [CommonOptions.RegistryVariable] = folder["registry"],
            ["IMPULSE_ARTIFACTS_PATH"] = sample.ArtifactsPath,
        };
        var changed = folder["changed"];
        Directory.CreateDirectory(changed);
        foreach (var file in new[] { "bootstrap", "impulse.manifest.json" })
            File.Copy(Path.Combine(sample.PublishDirectory, file), Path.Combine(changed, file));
        await File.AppendAllTextAsync(Path.Combine(changed, "bootstrap"), "a changed build");
        foreach (var build in new[] { sample.PublishDirectory, changed })
        {
            (await ToolRun.InProcessAsync(sample.SampleDirectory, environment, "package", "--publish-dir", build, "--output", folder["out"])).Succeeded();
            (await ToolRun.InProcessAsync(sample.SampleDirectory, environment, "publish")).Succeeded();
        }

        var ran = 0;
        foreach (var help in ImpulseCli.AllHelp)
        {
            var text = (await ToolRun.InProcessAsync(Path.GetTempPath(), null, [.. help.Name.Split(' '), "--help"])).Succeeded().Out;
            foreach (var example in HelpTests.Examples(text))
            {
                var words = HelpTests.ShellWords(example);
                Assert.Equal("impulse", words[0]);
                var result = await ToolRun.InProcessAsync(sample.SampleDirectory, environment, [.. words.Skip(1)]).WaitAsync(PackagedSample.PackageTimeout);
                Assert.True(result.ExitCode == 0, $"'{example}' exited {result.ExitCode}: {result.Error}");
                ran++;
            }
        }
        Assert.Equal(ImpulseCli.AllHelp.Sum(h => h.Examples.Count), ran);
    }
}
