using Impulse.Tool.Cli;
using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

/// <summary>Where the registry lives: --registry, else $IMPULSE_REGISTRY, else .impulse/ beside the app's project.</summary>
public sealed class RegistryLocationTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Without_an_option_or_variable_the_registry_is_dot_impulse_in_the_projects_folder()
    {
        var project = Directory.CreateDirectory(_folder["OrderApp"]).FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "OrderApp.csproj"), "<Project />");
        var app = SyntheticApp.Write(_folder["publish"]);

        (await ToolRun.InProcessAsync(project, null, "package", "--publish-dir", app, "--output", _folder["out"])).Succeeded();

        Assert.True(File.Exists(Path.Combine(project, ".impulse", "registry.db")));
        Assert.Single(Directory.GetFiles(Path.Combine(project, ".impulse", "packages"), "*.zip"));
        Assert.True(File.Exists(Path.Combine(_folder["out"], "OrderApp-x86_64.zip")));
    }

    [Fact]
    public async Task The_registry_option_wins_over_the_environment_variable()
    {
        var app = SyntheticApp.Write(_folder["publish"]);
        var environment = new Dictionary<string, string> { [CommonOptions.RegistryVariable] = _folder["from-variable"] };

        (await ToolRun.InProcessAsync(_folder.Path, environment, "package", "--publish-dir", app, "--output", _folder["out"], "--registry", _folder["from-option"])).Succeeded();

        Assert.True(File.Exists(Path.Combine(_folder["from-option"], "registry.db")));
        Assert.False(Directory.Exists(_folder["from-variable"]));
    }

    [Fact]
    public async Task Without_a_registry_or_a_project_the_command_says_what_is_missing()
    {
        var result = await ToolRun.InProcessAsync(_folder.Path, null, "versions", "create-order");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No .csproj in", result.Error, StringComparison.Ordinal);
    }
}
