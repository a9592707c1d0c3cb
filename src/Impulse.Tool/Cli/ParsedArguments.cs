using System.Globalization;

namespace Impulse.Tool.Cli;

/// <summary>A command line checked against a <see cref="CommandHelp"/>: its positional arguments and its options.</summary>
internal sealed class ParsedArguments
{
    private readonly Dictionary<string, string?> _options;

    private ParsedArguments(IReadOnlyList<string> positionals, Dictionary<string, string?> options, bool helpRequested)
    {
        Positionals = positionals;
        _options = options;
        HelpRequested = helpRequested;
    }

    /// <summary>The positional arguments, as many as the command declares.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>True when <c>--help</c> (or <c>-h</c>) was given: the command prints its help and does nothing else.</summary>
    public bool HelpRequested { get; }

    /// <summary>
    /// Parses <paramref name="args"/>: <c>--name value</c>, <c>--name=value</c>, flags, and <c>--</c> before
    /// positionals that start with a dash. Anything the help does not list is a <see cref="UsageException"/>.
    /// </summary>
    public static ParsedArguments Parse(IReadOnlyList<string> args, CommandHelp help)
    {
        var positionals = new List<string>();
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var helpRequested = false;
        var onlyPositionals = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (onlyPositionals || !arg.StartsWith('-') || arg == "-")
            {
                positionals.Add(arg);
                continue;
            }
            if (arg == "--")
            {
                onlyPositionals = true;
                continue;
            }
            if (arg is "--help" or "-h")
            {
                helpRequested = true;
                continue;
            }
            var split = arg.IndexOf('=', StringComparison.Ordinal);
            var name = split < 0 ? arg : arg[..split];
            var spec = help.Options.FirstOrDefault(o => o.Name == name)
                ?? throw new UsageException($"'{help.Name}' has no option '{name}'.");
            if (options.ContainsKey(name))
                throw new UsageException($"Option '{name}' is given twice.");
            if (spec.ValueName is null)
            {
                if (split >= 0)
                    throw new UsageException($"Option '{name}' takes no value.");
                options[name] = null;
                continue;
            }
            if (split >= 0)
                options[name] = arg[(split + 1)..];
            else if (i + 1 < args.Count)
                options[name] = args[++i];
            else
                throw new UsageException($"Option '{name}' needs a value ({spec.ValueName}).");
        }

        if (!helpRequested)
        {
            if (positionals.Count < help.Arguments.Count)
                throw new UsageException($"'{help.Name}' needs {string.Join(' ', help.Arguments.Skip(positionals.Count))}.");
            if (positionals.Count > help.Arguments.Count)
                throw new UsageException($"Unexpected argument '{positionals[help.Arguments.Count]}'.");
        }
        return new ParsedArguments(positionals, options, helpRequested);
    }

    /// <summary>The value of an option, or null when it was not given.</summary>
    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    /// <summary>True when a flag (or an option with a value) was given.</summary>
    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>An option's value as a whole number, or null; a value that is not one is a usage error.</summary>
    public int? IntegerOption(string name)
    {
        var text = Option(name);
        if (text is null)
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"Option '{name}' needs a whole number, not '{text}'.");
    }

    /// <summary>An option's value as a number, or null; a value that is not one is a usage error.</summary>
    public double? NumberOption(string name)
    {
        var text = Option(name);
        if (text is null)
            return null;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"Option '{name}' needs a number, not '{text}'.");
    }
}
