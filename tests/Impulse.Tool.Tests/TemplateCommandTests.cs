using System.Text.Json.Nodes;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

/// <summary><c>impulse template</c> wires the registry's $LATEST package to the SAM template builder.</summary>
public sealed class TemplateCommandTests : IDisposable
{
    private readonly RegistryScenario _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task Template_writes_a_function_per_manifest_function_with_the_stored_package_as_CodeUri()
    {
        await _registry.PackageAsync();
        var package = await _registry.LatestPackageFileAsync();

        (await _registry.RunAsync("template", "--output", _registry["template.json"], "--auto-publish-alias", "live")).Succeeded();

        var template = JsonNode.Parse(await File.ReadAllTextAsync(_registry["template.json"]))!;
        var functions = template["Resources"]!.AsObject()
            .Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Serverless::Function")
            .Select(r => r.Value!["Properties"]!)
            .ToList();
        Assert.Equal(SyntheticApp.Functions, functions.Select(f => f["FunctionName"]!.GetValue<string>()).Order());
        Assert.All(functions, f => Assert.Equal(package, f["CodeUri"]!.GetValue<string>()));
        Assert.All(functions, f => Assert.Equal("live", f["AutoPublishAlias"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Template_with_a_code_uri_prints_the_template_pointing_there()
    {
        await _registry.PackageAsync();

        var result = (await _registry.RunAsync("template", "--code-uri", "s3://bucket/app.zip")).Succeeded();

        Assert.Contains("\"CodeUri\": \"s3://bucket/app.zip\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_before_any_package_is_refused()
    {
        var result = await _registry.RunAsync("template");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No package yet", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_from_a_corrupt_package_is_refused()
    {
        await _registry.PackageAsync();
        await File.AppendAllTextAsync(await _registry.LatestPackageFileAsync(), "tampered");

        var result = await _registry.RunAsync("template");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is corrupt", result.Error, StringComparison.Ordinal);
    }
}
