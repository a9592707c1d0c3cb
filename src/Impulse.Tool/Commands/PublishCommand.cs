using Impulse.Tool.Cli;
using Impulse.Tool.Packaging;
using Impulse.Tool.Registry;

namespace Impulse.Tool.Commands;

/// <summary><c>impulse publish</c>: snapshots <c>$LATEST</c> into immutable, numbered versions.</summary>
internal static class PublishCommand
{
    public static readonly CommandHelp Help = new(
        "publish",
        [],
        """
        Creates the next immutable version of each function from $LATEST (the last package and the function's
        descriptor), with ARN arn:aws:lambda:REGION:ACCOUNT:function:NAME:N. A function whose code (CodeSha256)
        and configuration (configSha256) are unchanged since its last version gets that version back, as Lambda
        does. Numbers are never reused, not even after a version is deleted.
        """,
        [
            new("--description", "D", "The description of the new versions."),
            new("--function", "NAME", "Publish this function only (default: every function)."),
            new("--package", "ZIP", "Make this package (written by 'impulse package') $LATEST, then publish, in one step."),
            .. CommonOptions.LocationAndArn,
        ],
        [
            ("impulse publish --description \"first release\"", "Publish every function whose code or configuration changed"),
            ("impulse publish --function create-order", "Publish one function; run again without a change, it returns the same version"),
        ]);

    public static int Run(ParsedArguments arguments, ToolConsole console)
    {
        var arn = CommonOptions.Arn(arguments, console);
        var description = arguments.Option("--description") ?? "";
        var function = arguments.Option("--function");
        using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));

        IReadOnlyList<PublishOutcome> outcomes;
        if (arguments.Option("--package") is { } zip)
        {
            var path = console.FullPath(zip);
            if (!File.Exists(path))
                throw new UserErrorException($"No package at '{path}'.");
            var manifest = DeploymentPackage.ReadManifest(path);
            var stored = registry.StorePackage(path);
            outcomes = registry.Publish(function, description, (stored, manifest));
        }
        else
        {
            outcomes = registry.Publish(function, description);
        }

        foreach (var (version, created) in outcomes)
        {
            var what = created ? "published" : "unchanged";
            console.Out.WriteLine($"{version.Function}\t{version.Number}\t{what}\t{arn.Of(version.Function, version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))}\t{version.CodeSha256}");
        }
        return ExitCodes.Success;
    }
}
