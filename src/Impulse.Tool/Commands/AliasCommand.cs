using System.Globalization;
using Impulse.Tool.Cli;
using Impulse.Tool.Registry;

namespace Impulse.Tool.Commands;

/// <summary><c>impulse alias create|update|delete|list</c>: named pointers to versions, with an optional traffic split.</summary>
internal static class AliasCommand
{
    private static readonly OptionSpec Version = new("--version", "N", "The version the alias points at: a number, or $LATEST (quote it in a shell).");
    private static readonly OptionSpec AdditionalVersion = new("--additional-version", "M", "A second version that gets a share of the invocations.");
    private static readonly OptionSpec Weight = new("--weight", "W", "The second version's share: greater than 0 and less than 1 (0.1 is 10%).");
    private static readonly OptionSpec Description = new("--description", "D", "The alias's description.");

    public static readonly CommandHelp CreateHelp = new(
        "alias create",
        ["NAME", "ALIAS"],
        """
        Creates alias ALIAS of function NAME, pointing at a version, optionally splitting traffic with a second
        version. An alias name has letters, digits, '-' and '_' and is not a number; an alias on $LATEST cannot
        split traffic (Lambda's rules).
        """,
        [Version, AdditionalVersion, Weight, Description, .. CommonOptions.LocationAndArn],
        [
            ("impulse alias create create-order prod --version 1", "Point prod at version 1"),
            ("impulse alias create create-order beta --version 1 --additional-version 2 --weight 0.1", "A canary: beta sends 90% of invocations to version 1 and 10% to version 2"),
            ("impulse alias create create-order dev --version '$LATEST'", "dev follows $LATEST"),
        ]);

    public static readonly CommandHelp UpdateHelp = new(
        "alias update",
        ["NAME", "ALIAS"],
        """
        Changes alias ALIAS of function NAME: its version, its traffic split, its description. What is not
        given stays as it was; --no-routing removes the split.
        """,
        [
            new("--version", "N", "The new version: a number, or $LATEST."),
            AdditionalVersion, Weight,
            new("--no-routing", null, "Send all invocations to the alias's version (removes the split)."),
            Description, .. CommonOptions.LocationAndArn,
        ],
        [
            ("impulse alias update create-order prod --version 2", "Move prod to version 2"),
            ("impulse alias update create-order beta --additional-version 2 --weight 0.5", "Widen beta's canary to half the invocations"),
            ("impulse alias update create-order beta --version 2 --no-routing", "End the canary: beta sends everything to version 2"),
        ]);

    public static readonly CommandHelp DeleteHelp = new(
        "alias delete",
        ["NAME", "ALIAS"],
        "Deletes alias ALIAS of function NAME. The versions it pointed at stay.",
        CommonOptions.Location,
        [
            ("impulse alias delete create-order dev", "Delete the dev alias"),
        ]);

    public static readonly CommandHelp ListHelp = new(
        "alias list",
        ["NAME"],
        "Lists the aliases of function NAME: name, ARN, version, additional version and weight, description.",
        CommonOptions.LocationAndArn,
        [
            ("impulse alias list create-order", "List create-order's aliases"),
        ]);

    public static int Create(ParsedArguments arguments, ToolConsole console)
    {
        var (function, alias) = (arguments.Positionals[0], arguments.Positionals[1]);
        var arn = CommonOptions.Arn(arguments, console);
        AliasRules.CheckName(alias);
        var version = arguments.Option(Version.Name) is { } v
            ? AliasRules.ParseVersion(v, Version.Name)
            : throw new UsageException($"'alias create' needs {Version.Name} N.");
        var routing = ReadRouting(arguments);
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        var record = registry.CreateAlias(function, alias, version, routing?.AdditionalVersion, routing?.Weight, arguments.Option(Description.Name) ?? "");
        console.Out.WriteLine(Describe(record, arn));
        return ExitCodes.Success;
    }

    public static int Update(ParsedArguments arguments, ToolConsole console)
    {
        var (function, alias) = (arguments.Positionals[0], arguments.Positionals[1]);
        var arn = CommonOptions.Arn(arguments, console);
        var version = arguments.Option(Version.Name) is { } v ? AliasRules.ParseVersion(v, Version.Name) : null;
        var routing = ReadRouting(arguments);
        if (arguments.Has("--no-routing"))
        {
            if (routing is not null)
                throw new UsageException("--no-routing removes the split; it cannot be given with --additional-version and --weight.");
            routing = new RoutingChange(null, null, Clear: true);
        }
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        var record = registry.UpdateAlias(function, alias, version, routing, arguments.Option(Description.Name));
        console.Out.WriteLine(Describe(record, arn));
        return ExitCodes.Success;
    }

    public static int Delete(ParsedArguments arguments, ToolConsole console)
    {
        var (function, alias) = (arguments.Positionals[0], arguments.Positionals[1]);
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        registry.DeleteAlias(function, alias);
        console.Out.WriteLine($"Deleted alias {alias} of {function}.");
        return ExitCodes.Success;
    }

    public static int List(ParsedArguments arguments, ToolConsole console)
    {
        var function = arguments.Positionals[0];
        var arn = CommonOptions.Arn(arguments, console);
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        var aliases = registry.ListAliases(function);
        console.Out.WriteLine("ALIAS\tARN\tVERSION\tADDITIONAL VERSION\tWEIGHT\tDESCRIPTION");
        foreach (var record in aliases)
            console.Out.WriteLine(Describe(record, arn));
        return ExitCodes.Success;
    }

    /// <summary>The split the options ask for; --additional-version and --weight come together or not at all.</summary>
    private static RoutingChange? ReadRouting(ParsedArguments arguments)
    {
        var additional = arguments.Option(AdditionalVersion.Name) is { } text
            ? AliasRules.ParseVersion(text, AdditionalVersion.Name)
            : null;
        var weight = arguments.NumberOption(Weight.Name);
        if (additional is null && weight is null)
            return null;
        if (additional is null)
            throw new UsageException($"{Weight.Name} needs {AdditionalVersion.Name}: the weight is the second version's share.");
        if (weight is null)
            throw new UsageException($"{AdditionalVersion.Name} needs {Weight.Name}: the second version's share of invocations.");
        if (additional == AliasRules.Latest)
            throw new UserErrorException($"The additional version of an alias must be a published version, not {AliasRules.Latest}.");
        return new RoutingChange(int.Parse(additional, CultureInfo.InvariantCulture), weight, Clear: false);
    }

    private static string Describe(AliasRecord record, FunctionArn arn) =>
        string.Join('\t',
            record.Name,
            arn.Of(record.Function, record.Name),
            record.Version,
            record.AdditionalVersion?.ToString(CultureInfo.InvariantCulture) ?? "-",
            record.Weight?.ToString(CultureInfo.InvariantCulture) ?? "-",
            record.Description);
}
