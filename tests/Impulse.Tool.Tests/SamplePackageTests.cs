using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

/// <summary>The real sample, published with native AOT and packaged by the tool.</summary>
[Collection(PackagedSampleCollection.Name)]
public sealed class SamplePackageTests(PackagedSample sample)
{
    [Fact]
    public async Task Two_package_runs_from_clean_builds_give_the_same_sha256()
    {
        var first = sample.Result;

        // A second build from nothing, in other bin/obj folders and another output folder.
        var second = (await sample.PackageAsync(sample["second/artifacts"], sample["second/out"], sample["second/registry"])).Succeeded();

        Assert.Equal(CodeSha256(first), CodeSha256(second));
        Assert.Equal(File.ReadAllBytes(sample.PackagePath), File.ReadAllBytes(Path.Combine(sample["second/out"], "OrderService-x86_64.zip")));
    }

    [Fact]
    public async Task The_package_holds_the_native_bootstrap_and_the_manifest_the_binary_describes_which_the_schema_accepts()
    {
        _ = sample.Result;
        using var zip = ZipFile.OpenRead(sample.PackagePath);
        Assert.Equal(["bootstrap", "impulse.manifest.json"], zip.Entries.Select(e => e.FullName));
        var elf = new byte[4];
        await using (var bootstrap = zip.Entries[0].Open())
            await bootstrap.ReadExactlyAsync(elf);
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, elf);
        JsonNode packaged;
        using (var reader = new StreamReader(zip.Entries[1].Open()))
            packaged = JsonNode.Parse(await reader.ReadToEndAsync())!;

        // The build wrote the manifest by running the app; the published native binary says the same.
        var describe = new ProcessStartInfo(Path.Combine(sample.PublishDirectory, "bootstrap"), "describe") { RedirectStandardOutput = true };
        using var process = Process.Start(describe)!;
        var described = JsonNode.Parse(await process.StandardOutput.ReadToEndAsync())!;
        await process.WaitForExitAsync();

        Assert.True(JsonNode.DeepEquals(described, packaged));
        Assert.Empty((await ManifestSchemaTests.SchemaAsync()).Validate(packaged.ToJsonString()).Select(e => $"{e.Path}: {e.Kind}"));
        Assert.Equal("impulse.manifest/2", packaged["schema"]!.GetValue<string>());
        Assert.Contains("create-order", packaged["functions"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
    }

    private static string CodeSha256(ToolResult result) =>
        result.Out.Split('\n').Single(l => l.StartsWith("CodeSha256:", StringComparison.Ordinal))["CodeSha256:".Length..].Trim();
}
