using System.IO.Compression;
using System.Security.Cryptography;
using Impulse.Tool.Packaging;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

public sealed class DeploymentPackageTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_same_inputs_give_the_same_bytes_whatever_the_files_times()
    {
        var app = SyntheticApp.Write(_folder["app"]);
        var first = DeploymentPackage.Write(Path.Combine(app, "bootstrap"), Path.Combine(app, "impulse.manifest.json"), _folder["first.zip"]);
        File.SetLastWriteTimeUtc(Path.Combine(app, "bootstrap"), new DateTime(2031, 5, 6, 7, 8, 9, DateTimeKind.Utc));
        File.SetLastWriteTimeUtc(Path.Combine(app, "impulse.manifest.json"), new DateTime(1999, 1, 2, 3, 4, 5, DateTimeKind.Utc));

        var second = DeploymentPackage.Write(Path.Combine(app, "bootstrap"), Path.Combine(app, "impulse.manifest.json"), _folder["second.zip"]);

        Assert.Equal(File.ReadAllBytes(first.Path), File.ReadAllBytes(second.Path));
        Assert.Equal(first.CodeSha256, second.CodeSha256);
    }

    [Fact]
    public void The_package_holds_bootstrap_then_the_manifest_with_fixed_times_and_unix_modes()
    {
        var app = SyntheticApp.Write(_folder["app"]);

        var package = DeploymentPackage.Write(Path.Combine(app, "bootstrap"), Path.Combine(app, "impulse.manifest.json"), _folder["package.zip"]);

        using var zip = ZipFile.OpenRead(package.Path);
        Assert.Equal(["bootstrap", "impulse.manifest.json"], zip.Entries.Select(e => e.FullName));
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.Equal(0x81ED, (zip.Entries[0].ExternalAttributes >> 16) & 0xFFFF); // regular file, 0755
        Assert.Equal(0x81A4, (zip.Entries[1].ExternalAttributes >> 16) & 0xFFFF); // regular file, 0644
        using var reader = new StreamReader(zip.Entries[1].Open());
        Assert.Equal(File.ReadAllText(Path.Combine(app, "impulse.manifest.json")), reader.ReadToEnd());
    }

    [Fact]
    public void CodeSha256_is_the_base64_sha256_of_the_file_as_aws_reports_it()
    {
        var app = SyntheticApp.Write(_folder["app"]);

        var package = DeploymentPackage.Write(Path.Combine(app, "bootstrap"), Path.Combine(app, "impulse.manifest.json"), _folder["package.zip"]);

        Assert.Equal(Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(package.Path))), package.CodeSha256);
        Assert.Equal(new FileInfo(package.Path).Length, package.Size);
    }

    [Fact]
    public async Task Package_reports_size_and_CodeSha256_and_stores_the_package_by_its_hash()
    {
        using var registry = new RegistryScenario();

        var result = await registry.PackageAsync();

        var zip = Directory.GetFiles(registry["out-1"], "*.zip").Single();
        var sha = Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(zip)));
        Assert.Contains($"CodeSha256:   {sha}", result.Out, StringComparison.Ordinal);
        Assert.Contains($"Size:         {new FileInfo(zip).Length} bytes", result.Out, StringComparison.Ordinal);
        Assert.Contains("$LATEST of:   create-order, ship-order", result.Out, StringComparison.Ordinal);
        var stored = Path.Combine(registry.Registry, "packages", Convert.ToHexStringLower(Convert.FromBase64String(sha)) + ".zip");
        Assert.Equal(File.ReadAllBytes(zip), File.ReadAllBytes(stored));
    }

    [Fact]
    public async Task Package_refuses_a_manifest_built_for_another_architecture()
    {
        using var registry = new RegistryScenario();
        var app = SyntheticApp.Write(registry["app"]);

        var result = await registry.RunAsync("package", "--publish-dir", app, "--output", registry["out"], "--arch", "arm64");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("architecture x86_64, but the package is for arm64", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_refuses_a_folder_without_a_manifest()
    {
        using var registry = new RegistryScenario();
        var app = SyntheticApp.Write(registry["app"]);
        File.Delete(Path.Combine(app, "impulse.manifest.json"));

        var result = await registry.RunAsync("package", "--publish-dir", app, "--output", registry["out"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No manifest at", result.Error, StringComparison.Ordinal);
    }
}
