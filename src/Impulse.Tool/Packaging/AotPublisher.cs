using Impulse.Tool.Cli;
using Impulse.Tool.Manifest;

namespace Impulse.Tool.Packaging;

/// <summary>What a native AOT publish left: the folder with <c>bootstrap</c>, and the manifest to package with it.</summary>
/// <param name="PublishDirectory">The publish output.</param>
/// <param name="ManifestPath">The app's <c>impulse.manifest.json</c>.</param>
internal sealed record PublishedApp(string PublishDirectory, string ManifestPath);

/// <summary>
/// Publishes an app as the native binary Lambda runs, with the settings that make the binary reproducible:
/// a deterministic compile, and build paths mapped to fixed names so where the build ran leaves no trace.
/// </summary>
internal static class AotPublisher
{
    /// <summary>Runs <c>dotnet publish</c> for <paramref name="architecture"/> into <paramref name="publishDirectory"/>.</summary>
    /// <param name="project">The app.</param>
    /// <param name="architecture">The Lambda architecture to build for.</param>
    /// <param name="publishDirectory">The publish output folder.</param>
    /// <param name="artifactsPath">A separate bin/obj root (<c>--artifacts-path</c>), or null for the project's own.</param>
    /// <param name="log">Where progress goes.</param>
    public static async Task<PublishedApp> PublishAsync(AppProject project, TargetArchitecture architecture, string publishDirectory, string? artifactsPath, TextWriter log)
    {
        var manifest = Path.Combine(publishDirectory, AppManifest.FileName);
        // A manifest left by an earlier publish must not stand in for this one's.
        if (File.Exists(manifest))
            File.Delete(manifest);
        var arguments = new List<string>
        {
            "publish", project.ProjectFile, "-c", "Release", "-r", architecture.RuntimeIdentifier, "-o", publishDirectory,
            $"-p:ImpulseArchitecture={architecture.Name}",
        };
        arguments.AddRange(ReproducibleBuildArguments(project, artifactsPath));
        log.WriteLine($"Publishing {Path.GetFileName(project.ProjectFile)} for {architecture.Name} ({architecture.RuntimeIdentifier}) with native AOT...");
        await RunDotnetAsync(arguments, project).ConfigureAwait(false);
        // Without native AOT the publish leaves a launcher that needs the .NET runtime, which Lambda's provided.al2023 lacks.
        if (File.Exists(Path.Combine(publishDirectory, DeploymentPackage.BootstrapEntry + ".dll")))
            throw new UserErrorException($"'{project.ProjectFile}' is not published with native AOT: set <PublishAot>true</PublishAot> and <AssemblyName>bootstrap</AssemblyName> in it.");

        // The build writes the manifest by running the app, which it cannot do when it builds for another
        // architecture than this machine's; a build for this machine, with the same settings, gives the same manifest.
        if (!File.Exists(manifest))
        {
            var manifestBuild = Path.Combine(publishDirectory, "..", "manifest");
            var build = new List<string>
            {
                "build", project.ProjectFile, "-c", "Release", "-o", manifestBuild, $"-p:ImpulseArchitecture={architecture.Name}",
            };
            if (artifactsPath is not null)
                build.AddRange(["--artifacts-path", artifactsPath]);
            log.WriteLine("Building for this machine to write the manifest...");
            await RunDotnetAsync(build, project).ConfigureAwait(false);
            manifest = Path.GetFullPath(Path.Combine(manifestBuild, AppManifest.FileName));
        }
        return new PublishedApp(publishDirectory, manifest);
    }

    /// <summary>
    /// A compiler writes the paths of the build into what it builds (the PDB's path in each assembly, source
    /// paths in debug information and caller-info attributes); different paths give a different assembly
    /// identity and from there a different native binary. ContinuousIntegrationBuild maps source paths, and
    /// PathMap maps the artifacts folder too.
    /// </summary>
    private static IEnumerable<string> ReproducibleBuildArguments(AppProject project, string? artifactsPath)
    {
        yield return "-p:Deterministic=true";
        var sourceRoot = SourceRoot(project);
        // It asks source control for the repository's root, so it needs one.
        if (sourceRoot is not null)
            yield return "-p:ContinuousIntegrationBuild=true";
        var maps = new List<string>();
        if (artifactsPath is not null)
        {
            maps.Add($"{WithSeparator(artifactsPath)}=/_artifacts/");
            yield return "--artifacts-path";
            yield return artifactsPath;
        }
        maps.Add($"{WithSeparator(sourceRoot ?? project.Directory)}=/_/");
        // MSBuild splits -p values at commas and semicolons; %2C is its escape for a comma.
        yield return "-p:PathMap=" + string.Join("%2C", maps);
    }

    /// <summary>The repository the project lives in (the nearest folder up with <c>.git</c>), or null outside one.</summary>
    private static string? SourceRoot(AppProject project)
    {
        for (var directory = new DirectoryInfo(project.Directory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
                return directory.FullName;
        }
        return null;
    }

    private static string WithSeparator(string path) =>
        Path.EndsInDirectorySeparator(path) ? Path.GetFullPath(path) : Path.GetFullPath(path) + Path.DirectorySeparatorChar;

    private static async Task RunDotnetAsync(List<string> arguments, AppProject project)
    {
        var outcome = await ProcessRunner.RunAsync("dotnet", arguments, project.Directory).ConfigureAwait(false);
        if (outcome.ExitCode != 0)
        {
            throw new UserErrorException(
                $"'dotnet {arguments[0]}' of '{project.ProjectFile}' failed with exit code {outcome.ExitCode}:{Environment.NewLine}{ProcessRunner.Tail(outcome.Output)}");
        }
    }
}
