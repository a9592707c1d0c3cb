using System.Text;
using Impulse.Tool.Cli;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

public sealed class HelpTests
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

    [Fact]
    public async Task Alias_help_lists_the_alias_subcommands_only()
    {
        var help = (await ToolRun.InProcessAsync(Path.GetTempPath(), null, "alias", "--help")).Succeeded();

        Assert.Contains("  alias create NAME ALIAS", help.Out, StringComparison.Ordinal);
        Assert.Contains("  alias delete NAME ALIAS", help.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("  publish", help.Out, StringComparison.Ordinal);
    }

    /// <summary>The example command lines of a help text: the lines under "Examples:" that start with "impulse".</summary>
    internal static List<string> Examples(string help) =>
        help.Split('\n')
            .SkipWhile(l => !l.StartsWith("Examples:", StringComparison.Ordinal))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("impulse ", StringComparison.Ordinal) || l == "impulse")
            .ToList();

    /// <summary>Splits a command line as a POSIX shell does for plain words and single or double quotes.</summary>
    internal static List<string> ShellWords(string line)
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
