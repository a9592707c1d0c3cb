using System.Text.Json.Nodes;
using Impulse.Tool.Packaging;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

/// <summary>The MSBuild target shipped in the Impulse package writes impulse.manifest.json beside the built app.</summary>
[Collection(PackagedSampleCollection.Name)]
public sealed class ManifestTargetTests(PackagedSample sample)
{
    [Fact]
    public async Task A_build_writes_the_manifest_beside_the_app_and_an_unchanged_rebuild_does_not_run_the_app_again()
    {
        _ = sample.Result;
        // The fixture's bin/obj root: the libraries are built already, only the app compiles (for no runtime identifier).
        string[] build = ["build", sample.SampleDirectory, "-c", "Release", "--artifacts-path", sample.ArtifactsPath, "-v:d"];
        var manifest = Path.Combine(sample.ArtifactsPath, "bin", "OrderService", "release", "impulse.manifest.json");

        var first = await ProcessRunner.RunAsync("dotnet", build, sample.SampleDirectory).WaitAsync(PackagedSample.PackageTimeout);
        Assert.True(first.ExitCode == 0, ProcessRunner.Tail(first.Output));
        var written = File.GetLastWriteTimeUtc(manifest);
        var second = await ProcessRunner.RunAsync("dotnet", build, sample.SampleDirectory).WaitAsync(PackagedSample.PackageTimeout);

        Assert.True(second.ExitCode == 0, ProcessRunner.Tail(second.Output));
        Assert.Contains("Building target \"ImpulseWriteManifest\" completely", first.Output, StringComparison.Ordinal);
        Assert.Contains("Skipping target \"ImpulseWriteManifest\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(manifest));
        // The same manifest the native binary gave the package.
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse(DeploymentPackage.ReadManifest(sample.PackagePath).Json),
            JsonNode.Parse(await File.ReadAllTextAsync(manifest))));
    }

    [Fact]
    public async Task A_build_for_another_architecture_skips_the_manifest_it_cannot_run_the_app_for()
    {
        _ = sample.Result;
        var other = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
            ? "linux-x64"
            : "linux-arm64";
        // Framework-dependent and without a launcher, so the build needs no packs for the other architecture.
        string[] build =
        [
            "build", sample.SampleDirectory, "-c", "Release", "-r", other, "--artifacts-path", sample.ArtifactsPath,
            "-p:PublishAot=false", "-p:SelfContained=false", "-p:UseAppHost=false",
        ];

        var result = await ProcessRunner.RunAsync("dotnet", build, sample.SampleDirectory).WaitAsync(PackagedSample.PackageTimeout);

        Assert.True(result.ExitCode == 0, ProcessRunner.Tail(result.Output));
        // The IL would even run here; the target declines all the same, as it must for a self-contained or native build.
        Assert.False(File.Exists(Path.Combine(sample.ArtifactsPath, "bin", "OrderService", $"release_{other}", "impulse.manifest.json")));
        Assert.True(File.Exists(Path.Combine(sample.ArtifactsPath, "bin", "OrderService", $"release_{other}", "bootstrap.dll")));
    }
}
