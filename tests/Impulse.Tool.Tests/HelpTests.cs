using System.Text;
using Impulse.Tool.Cli;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

[Collection(PackagedSampleCollection.Name)]
public sealed class HelpTests(PackagedSample sample)
{
    public static TheoryData<string> Commands => new(ImpulseCli.AllHelp.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_its_options_and_examples(string command)
    {
        var result = (await ToolRun.InProcessAsync(Path.GetTempPath(), null, [.. command.Split(' '), "--help"])).Succeeded();

        Assert.StartsWith($"Usage: impulse {command}", result.Out, StringComparison.Ordinal);
        Assert.Contains("Options:", result.Out, StringComparison.Ordinal);
        Assert.NotEmpty(Examples(result.Out));
    }

    [Fact]
    public async Task The_overview_lists_every_command_and_no_arguments_is_a_usage_error()
    {
        var help = (await ToolRun.InProcessAsync(Path.GetTempPath(), null, "--help")).Succeeded();
        var bare = await ToolRun.InProcessAsync(Path.GetTempPath(), null);

        Assert.All(ImpulseCli.AllHelp, h => Assert.Contains($"  {h.Name} ", help.Out, StringComparison.Ordinal));
        Assert.Equal(2, bare.ExitCode);
        Assert.Contains("Commands:", bare.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs every example the help shows, in the overview's order, from the sample's folder against a fresh
    /// registry. The sample's build is the one the fixture made, so the package example's publish is incremental.
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
            (await ToolRun.InProcessAsync(RepositoryRoot.Sample, environment, "package", "--publish-dir", build, "--output", folder["out"])).Succeeded();
            (await ToolRun.InProcessAsync(RepositoryRoot.Sample, environment, "publish")).Succeeded();
        }

        var ran = 0;
        foreach (var help in ImpulseCli.AllHelp)
        {
            var text = (await ToolRun.InProcessAsync(Path.GetTempPath(), null, [.. help.Name.Split(' '), "--help"])).Succeeded().Out;
            foreach (var example in Examples(text))
            {
                var words = ShellWords(example);
                Assert.Equal("impulse", words[0]);
                var result = await ToolRun.InProcessAsync(RepositoryRoot.Sample, environment, [.. words.Skip(1)]).WaitAsync(PackagedSample.PackageTimeout);
                Assert.True(result.ExitCode == 0, $"'{example}' exited {result.ExitCode}: {result.Error}");
                ran++;
            }
        }
        Assert.Equal(ImpulseCli.AllHelp.Sum(h => h.Examples.Count), ran);
    }

    /// <summary>The example command lines of a help text: the lines under "Examples:" that start with "impulse".</summary>
    private static List<string> Examples(string help) =>
        help.Split('\n')
            .SkipWhile(l => !l.StartsWith("Examples:", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("impulse ", StringComparison.Ordinal) || l == "impulse")
            .ToList();

    /// <summary>Splits a command line as a POSIX shell does for plain words and single or double quotes.</summary>
    private static List<string> ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                Assert.True(end > i, $"Unbalanced quote in '{line}'.");
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == ' ')
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
