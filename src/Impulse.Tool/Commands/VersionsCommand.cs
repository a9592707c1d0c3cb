using System.Globalization;
using Impulse.Tool.Cli;
using Impulse.Tool.Registry;

namespace Impulse.Tool.Commands;

/// <summary><c>impulse versions NAME</c> lists a function's versions; <c>impulse versions delete NAME N</c> deletes one.</summary>
internal static class VersionsCommand
{
    public static readonly CommandHelp ListHelp = new(
        "versions",
        ["NAME"],
        """
        Lists the versions of function NAME, oldest first, after its $LATEST: number, ARN, CodeSha256,
        configSha256, when it was published and its description.
        """,
        CommonOptions.LocationAndArn,
        [
            ("impulse versions create-order", "List the versions of create-order"),
            ("impulse versions create-order --region eu-west-1 --account 123456789012", "The same, with ARNs for another region and account"),
        ]);

    public static readonly CommandHelp DeleteHelp = new(
        "versions delete",
        ["NAME", "N"],
        """
        Deletes version N of function NAME. Its number is never given to another version. A version that an
        alias points at (as its version or its additional version) cannot be deleted, as Lambda refuses it.
        """,
        CommonOptions.Location,
        [
            ("impulse versions delete create-order 1", "Delete version 1 of create-order; the next publish still gets a new number"),
        ]);

    public static int List(ParsedArguments arguments, ToolConsole console)
    {
        var arn = CommonOptions.Arn(arguments, console);
        var function = arguments.Positionals[0];
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        var (latest, versions) = registry.ListVersions(function);
        console.Out.WriteLine("VERSION\tARN\tCODE SHA256\tCONFIG SHA256\tCREATED\tDESCRIPTION");
        if (latest is not null)
            console.Out.WriteLine($"{AliasRules.Latest}\t{arn.Of(function, AliasRules.Latest)}\t{latest.CodeSha256}\t{latest.ConfigSha256}\t{latest.Updated}\t");
        foreach (var version in versions)
        {
            var number = version.Number.ToString(CultureInfo.InvariantCulture);
            console.Out.WriteLine($"{number}\t{arn.Of(function, number)}\t{version.CodeSha256}\t{version.ConfigSha256}\t{version.Created}\t{version.Description}");
        }
        return ExitCodes.Success;
    }

    public static int Delete(ParsedArguments arguments, ToolConsole console)
    {
        var function = arguments.Positionals[0];
        var text = arguments.Positionals[1];
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            throw new UsageException($"A version to delete is a number from 1 up, not '{text}'.");
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
        registry.DeleteVersion(function, number);
        console.Out.WriteLine($"Deleted version {number} of {function}.");
        return ExitCodes.Success;
    }
}
