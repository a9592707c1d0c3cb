using Impulse.Tool.Cli;
using Impulse.Tool.Manifest;
using Impulse.Tool.Packaging;
using Impulse.Tool.Registry;

namespace Impulse.Tool.Commands;

/// <summary><c>impulse package</c>: publishes the app with native AOT and writes its deterministic deployment package.</summary>
internal static class PackageCommand
{
    /// <summary>The environment variable for a separate bin/obj root when <c>--artifacts-path</c> is not given.</summary>
    public const string ArtifactsVariable = "IMPULSE_ARTIFACTS_PATH";

    public static readonly CommandHelp Help = new(
        "package",
        [],
        """
        Publishes the app with native AOT for Lambda (provided.al2023) and writes its deployment package: a .zip
        holding 'bootstrap' and 'impulse.manifest.json', with fixed timestamps, order and modes, so the same app
        gives the same bytes. Prints its size and CodeSha256 (base64 SHA-256, as AWS reports it), stores it in the
        registry by its hash and makes it $LATEST of every function in its manifest.
        """,
        [
            CommonOptions.Project,
            new("--arch", "x86_64|arm64", "The Lambda architecture to build for (default: x86_64; with --publish-dir, the manifest's)."),
            new("--output", "DIR", "Where the .zip is written (default: bin/impulse/ in the app's folder, or impulse/ in the artifacts path)."),
            new("--publish-dir", "DIR", "Package an app already published with native AOT (a folder with bootstrap and impulse.manifest.json) instead of publishing."),
            new("--artifacts-path", "DIR", $"A separate bin/obj root for the publish (default: ${ArtifactsVariable}, else the project's own)."),
            CommonOptions.Registry,
        ],
        [
            ("impulse package", "Publish the app in this folder for x86_64 and make the package $LATEST of its functions"),
        ]);

    public static async Task<int> RunAsync(ParsedArguments arguments, ToolConsole console)
    {
        // A bad --arch is a usage error whatever else is wrong.
        var requestedArchitecture = arguments.Option("--arch") is { } arch ? TargetArchitecture.Parse(arch) : null;
        var publishDirectory = arguments.Option("--publish-dir") is { } given ? console.FullPath(given) : null;
        var artifacts = (arguments.Option("--artifacts-path") ?? NonEmpty(console.Environment(ArtifactsVariable))) is { } a ? console.FullPath(a) : null;
        AppProject? project = publishDirectory is null || arguments.Option("--output") is null || RegistryNeedsProject(arguments, console)
            ? AppProject.Locate(arguments.Option(CommonOptions.Project.Name), console)
            : null;

        TargetArchitecture architecture;
        PublishedApp published;
        if (publishDirectory is not null)
        {
            published = new PublishedApp(publishDirectory, Path.Combine(publishDirectory, AppManifest.FileName));
            var manifest = AppManifest.Load(published.ManifestPath);
            architecture = requestedArchitecture ?? TargetArchitecture.Parse(manifest.Functions.FirstOrDefault()?.Architecture);
        }
        else
        {
            architecture = requestedArchitecture ?? TargetArchitecture.X86_64;
            var publishOutput = Path.Combine(DefaultOutput(project!, artifacts), architecture.Name, "publish");
            published = await AotPublisher.PublishAsync(project!, architecture, publishOutput, artifacts, console.Error).ConfigureAwait(false);
        }
        CheckArchitecture(AppManifest.Load(published.ManifestPath), architecture, published.ManifestPath);

        var outputDirectory = arguments.Option("--output") is { } output ? console.FullPath(output) : DefaultOutput(project!, artifacts);
        var name = project is null ? "package" : Path.GetFileNameWithoutExtension(project.ProjectFile);
        var package = DeploymentPackage.Write(
            Path.Combine(published.PublishDirectory, DeploymentPackage.BootstrapEntry),
            published.ManifestPath,
            Path.Combine(outputDirectory, $"{name}-{architecture.Name}.zip"));
        var packaged = DeploymentPackage.ReadManifest(package.Path);

        using (var registry = FunctionRegistry.Open(CommonOptions.RegistryDirectory(arguments, console)))
        {
            var stored = registry.StorePackage(package.Path);
            registry.SetLatest(stored, packaged);
        }

        console.Out.WriteLine($"Package:      {package.Path}");
        console.Out.WriteLine($"Architecture: {architecture.Name}");
        console.Out.WriteLine($"Size:         {package.Size} bytes");
        console.Out.WriteLine($"CodeSha256:   {package.CodeSha256}");
        console.Out.WriteLine($"$LATEST of:   {string.Join(", ", packaged.Functions.Select(f => f.Name))}");
        return ExitCodes.Success;
    }

    /// <summary>One binary serves every function, so every descriptor must name the architecture it was built for.</summary>
    private static void CheckArchitecture(AppManifest manifest, TargetArchitecture architecture, string source)
    {
        var other = manifest.Functions.FirstOrDefault(f => f.Architecture != architecture.Name);
        if (other is not null)
            throw new UserErrorException($"The manifest '{source}' gives '{other.Name}' architecture {other.Architecture}, but the package is for {architecture.Name}.");
    }

    private static bool RegistryNeedsProject(ParsedArguments arguments, ToolConsole console) =>
        arguments.Option(CommonOptions.Registry.Name) is null && NonEmpty(console.Environment(CommonOptions.RegistryVariable)) is null;

    private static string DefaultOutput(AppProject project, string? artifacts) =>
        artifacts is null ? Path.Combine(project.Directory, "bin", "impulse") : Path.Combine(artifacts, "impulse");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
