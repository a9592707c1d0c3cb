using Impulse.Tool.Commands;

namespace Impulse.Tool.Cli;

/// <summary>The <c>impulse</c> command line: finds the command, parses its arguments against its help, runs it, maps errors to exit codes.</summary>
internal static class ImpulseCli
{
    private delegate Task<int> Handler(ParsedArguments arguments, ToolConsole console);

    private sealed record Command(CommandHelp Help, Handler Run);

    /// <summary>Every command, in the order the overview lists them (the order a first deployment uses them).</summary>
    private static readonly IReadOnlyList<Command> Commands =
    [
        new(PackageCommand.Help, PackageCommand.RunAsync),
        new(PublishCommand.Help, Sync(PublishCommand.Run)),
        new(VersionsCommand.ListHelp, Sync(VersionsCommand.List)),
        new(AliasCommand.CreateHelp, Sync(AliasCommand.Create)),
        new(AliasCommand.UpdateHelp, Sync(AliasCommand.Update)),
        new(AliasCommand.ListHelp, Sync(AliasCommand.List)),
        new(AliasCommand.DeleteHelp, Sync(AliasCommand.Delete)),
        new(VersionsCommand.DeleteHelp, Sync(VersionsCommand.Delete)),
        new(TemplateCommand.Help, Sync(TemplateCommand.Run)),
    ];

    /// <summary>The help of every command, in the overview's order.</summary>
    public static IEnumerable<CommandHelp> AllHelp => Commands.Select(c => c.Help);

    /// <summary>Runs one command line and returns its exit code.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, ToolConsole console)
    {
        if (args.Count == 0)
        {
            WriteOverview(console.Error);
            return ExitCodes.UsageError;
        }
        if (args.Count == 1 && args[0] is "--help" or "-h" or "help")
        {
            WriteOverview(console.Out);
            return ExitCodes.Success;
        }

        var (command, rest) = Find(args);
        if (command is null && args[0] == "alias" && args.Count == 2 && args[1] is "--help" or "-h")
        {
            WriteOverview(console.Out, "alias");
            return ExitCodes.Success;
        }
        if (command is null)
        {
            return args[0] == "alias"
                ? Usage(console, $"'alias' needs a subcommand: create, update, delete or list.", null)
                : Usage(console, $"Unknown command '{args[0]}'.", null);
        }

        ParsedArguments arguments;
        try
        {
            arguments = ParsedArguments.Parse(rest, command.Help);
        }
        catch (UsageException e)
        {
            return Usage(console, e.Message, command.Help);
        }
        if (arguments.HelpRequested)
        {
            command.Help.Write(console.Out);
            return ExitCodes.Success;
        }

        try
        {
            return await command.Run(arguments, console).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            return Usage(console, e.Message, command.Help);
        }
        catch (UserErrorException e)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UserError;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UserError;
        }
    }

    /// <summary>
    /// The command the arguments name: the longest command name that is a prefix of them, so that
    /// <c>versions delete f 3</c> is the delete command and <c>versions f</c> the list.
    /// </summary>
    private static (Command? Command, IReadOnlyList<string> Remaining) Find(IReadOnlyList<string> args)
    {
        foreach (var command in Commands.OrderByDescending(c => c.Help.Name.Length))
        {
            var words = command.Help.Name.Split(' ');
            if (words.Length <= args.Count && words.Select((w, i) => args[i] == w).All(match => match))
                return (command, args.Skip(words.Length).ToList());
        }
        return (null, args);
    }

    private static int Usage(ToolConsole console, string message, CommandHelp? help)
    {
        console.Error.WriteLine($"error: {message}");
        console.Error.WriteLine(help is null
            ? "Run 'impulse --help' for the commands."
            : $"Usage: {help.Usage}{Environment.NewLine}Run 'impulse {help.Name} --help' for its options and examples.");
        return ExitCodes.UsageError;
    }

    private static void WriteOverview(TextWriter writer, string? group = null)
    {
        writer.WriteLine("impulse: packages, versions, aliases and SAM templates for Impulse apps.");
        writer.WriteLine();
        writer.WriteLine("Usage: impulse COMMAND [arguments] [options]");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var width = Commands.Max(c => c.Help.Name.Length + 1 + string.Join(' ', c.Help.Arguments).Length);
        foreach (var command in Commands.Where(c => group is null || c.Help.Name.StartsWith(group + " ", StringComparison.Ordinal)))
        {
            var label = string.Join(' ', new[] { command.Help.Name }.Concat(command.Help.Arguments));
            var summary = FirstSentence(command.Help.Summary);
            writer.WriteLine($"  {label.PadRight(width)}  {summary}");
        }
        writer.WriteLine();
        writer.WriteLine("Run 'impulse COMMAND --help' for a command's options and examples.");
        writer.WriteLine("Exit codes: 0 done, 1 refused (the message says what is wrong), 2 the command line is wrong.");
    }

    /// <summary>Up to the first period that ends a sentence (not the one in <c>provided.al2023</c>).</summary>
    private static string FirstSentence(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        var end = flat.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? flat : flat[..(end + 1)];
    }

        private static Handler Sync(Func<ParsedArguments, ToolConsole, int> run) => (arguments, console) => Task.FromResult(run(arguments, console));
}
