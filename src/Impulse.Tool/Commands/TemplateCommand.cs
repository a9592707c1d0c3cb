using System.Text.Json;
using Impulse.Tool.Cli;
using Impulse.Tool.Manifest;
using Impulse.Tool.Packaging;
using Impulse.Tool.Registry;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Commands;

/// <summary><c>impulse template</c>: writes the AWS SAM template for the app's <c>$LATEST</c> package.</summary>
internal static class TemplateCommand
{
    public static readonly CommandHelp Help = new(
        "template",
        [],
        """
        Writes an AWS SAM template (JSON) for the app: one AWS::Serverless::Function per function of the $LATEST
        package, with its events, policies and invoke permissions. CodeUri is the stored package unless given.
        """,
        [
            new("--output", "F", "Write the template to this file (default: standard output)."),
            new("--auto-publish-alias", "A", "Have SAM publish a version on every deploy and point alias A at it."),
            new("--code-uri", "U", "The package's location in the template: a path or an s3:// URI (default: the stored $LATEST package)."),
            new("--manifest", "FILE", "Build from this impulse.manifest.json instead of the $LATEST package's."),
            .. CommonOptions.Location,
        ],
        [
            ("impulse template", "Print the template for $LATEST"),
            ("impulse template --auto-publish-alias live --code-uri s3://my-bucket/order-service.zip", "Point a 'live' alias at each deployed version, with the package in S3"),
        ]);

    public static int Run(ParsedArguments arguments, ToolConsole console)
    {
        var codeUri = arguments.Option("--code-uri");
        string manifestJson;
        if (arguments.Option("--manifest") is { } manifestPath)
        {
            manifestJson = AppManifest.Load(console.FullPath(manifestPath)).Json;
            if (codeUri is null)
                throw new UsageException("--manifest needs --code-uri: without the registry's package there is no code to point at.");
        }
        else
        {
            using var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console));
            var latest = registry.ListLatest().FirstOrDefault()
                ?? throw new UserErrorException("No package yet: run 'impulse package' first, or give --manifest and --code-uri.");
            var package = registry.ReadPackage(latest.CodeSha256, latest.Function);
            manifestJson = DeploymentPackage.ReadManifest(package).Json;
            codeUri ??= package;
        }

        string template;
        try
        {
            using var manifest = JsonDocument.Parse(manifestJson);
            template = SamTemplate.Build(manifest.RootElement, new SamTemplateOptions(codeUri) { AutoPublishAlias = arguments.Option("--auto-publish-alias") });
        }
        catch (SamTemplateException e)
        {
            throw new UserErrorException(e.Message);
        }

        if (arguments.Option("--output") is { } output)
        {
            var path = console.FullPath(output);
            File.WriteAllText(path, template);
            console.Out.WriteLine($"Wrote {path}");
        }
        else
        {
            console.Out.Write(template);
        }
        return ExitCodes.Success;
    }
}
