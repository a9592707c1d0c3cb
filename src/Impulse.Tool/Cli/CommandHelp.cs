namespace Impulse.Tool.Cli;

/// <summary>One option a command accepts.</summary>
/// <param name="Name">The long name, with its dashes: <c>--version</c>.</param>
/// <param name="ValueName">The placeholder of its value (<c>N</c>), or null for a flag that takes none.</param>
/// <param name="Description">One line for the help text.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description);

/// <summary>
/// A command's help: usage, summary, options and examples. The parser checks arguments against it, so
/// what the help says is what the command accepts; a test runs every example it shows.
/// </summary>
/// <param name="Name">The command as typed after <c>impulse</c>: <c>alias create</c>.</param>
/// <param name="Arguments">Its positional arguments in order, as shown in the usage line.</param>
/// <param name="Summary">What it does, in a sentence or two.</param>
/// <param name="Options">The options it accepts.</param>
/// <param name="Examples">Complete command lines, each with a comment line that says what it does.</param>
internal sealed record CommandHelp(
    string Name,
    IReadOnlyList<string> Arguments,
    string Summary,
    IReadOnlyList<OptionSpec> Options,
    IReadOnlyList<(string Command, string Comment)> Examples)
{
    /// <summary>The usage line: <c>impulse alias create NAME ALIAS [options]</c>.</summary>
    public string Usage => string.Join(' ', new[] { "impulse", Name }.Concat(Arguments).Append("[options]"));

    /// <summary>Writes the full help text.</summary>
    public void Write(TextWriter writer)
    {
        writer.WriteLine($"Usage: {Usage}");
        writer.WriteLine();
        writer.WriteLine(Summary);
        writer.WriteLine();
        writer.WriteLine("Options:");
        var width = Options.Append(HelpOption).Max(o => Label(o).Length);
        foreach (var option in Options.Append(HelpOption))
            writer.WriteLine($"  {Label(option).PadRight(width)}  {option.Description}");
        if (Examples.Count == 0)
            return;
        writer.WriteLine();
        writer.WriteLine("Examples:");
        foreach (var (command, comment) in Examples)
        {
            writer.WriteLine($"  # {comment}");
            writer.WriteLine($"  {command}");
        }
    }

    /// <summary>The option every command accepts.</summary>
    public static readonly OptionSpec HelpOption = new("--help", null, "Show this help.");

    private static string Label(OptionSpec option) => option.ValueName is null ? option.Name : $"{option.Name} {option.ValueName}";
}
