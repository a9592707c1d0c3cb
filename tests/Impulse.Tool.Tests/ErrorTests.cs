using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

/// <summary>
/// Every refused command says what is wrong in one line, exits 1 (refused) or 2 (bad command line), and leaves
/// the registry exactly as it was: same rows, same package files.
/// </summary>
public sealed class ErrorTests : IDisposable
{
    private readonly RegistryScenario _registry = new();

    public void Dispose() => _registry.Dispose();

    /// <summary>Versions 1 and 2 of both functions, and prod pointing at create-order's version 1.</summary>
    private async Task ArrangeAsync()
    {
        await _registry.PublishVersionsAsync(2);
        (await _registry.RunAsync("alias", "create", "create-order", "prod", "--version", "1")).Succeeded();
    }

    [Theory]
    [InlineData("Unknown function 'nope'", "publish", "--function", "nope")]
    [InlineData("Unknown function 'nope'", "versions", "nope")]
    [InlineData("has no version 9", "versions", "delete", "create-order", "9")]
    [InlineData("used by alias prod", "versions", "delete", "create-order", "1")]
    [InlineData("Unknown function 'nope'", "alias", "create", "nope", "canary", "--version", "1")]
    [InlineData("has no version 9", "alias", "create", "create-order", "canary", "--version", "9")]
    [InlineData("has no version 9", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "9", "--weight", "0.5")]
    [InlineData("out of range", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2", "--weight", "0")]
    [InlineData("out of range", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2", "--weight", "1")]
    [InlineData("out of range", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2", "--weight", "1.5")]
    [InlineData("out of range", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2", "--weight", "-0.2")]
    [InlineData("points at $LATEST", "alias", "create", "create-order", "dev", "--version", "$LATEST", "--additional-version", "1", "--weight", "0.5")]
    [InlineData("must be a published version", "alias", "create", "create-order", "dev", "--version", "1", "--additional-version", "$LATEST", "--weight", "0.5")]
    [InlineData("and itself", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "1", "--weight", "0.5")]
    [InlineData("is a number", "alias", "create", "create-order", "12", "--version", "1")]
    [InlineData("may hold only letters", "alias", "create", "create-order", "pro d", "--version", "1")]
    [InlineData("already exists", "alias", "create", "create-order", "prod", "--version", "2")]
    [InlineData("has no alias 'nope'", "alias", "update", "create-order", "nope", "--version", "2")]
    [InlineData("has no version 9", "alias", "update", "create-order", "prod", "--version", "9")]
    [InlineData("out of range", "alias", "update", "create-order", "prod", "--additional-version", "2", "--weight", "1")]
    [InlineData("points at $LATEST", "alias", "update", "create-order", "prod", "--version", "$LATEST", "--additional-version", "2", "--weight", "0.5")]
    [InlineData("has no alias 'nope'", "alias", "delete", "create-order", "nope")]
    [InlineData("Unknown function 'nope'", "alias", "list", "nope")]
    [InlineData("No package at", "publish", "--package", "/no/such/package.zip")]
    public async Task A_refused_command_exits_1_with_one_line_and_changes_nothing(string expected, params string[] args)
    {
        await ArrangeAsync();
        var before = _registry.Snapshot();

        var result = await _registry.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", result.Out);
        Assert.Equal(before, _registry.Snapshot());
    }

    [Theory]
    [InlineData("Unknown command 'frobnicate'", "frobnicate")]
    [InlineData("needs a subcommand", "alias")]
    [InlineData("has no option '--nope'", "publish", "--nope")]
    [InlineData("needs NAME", "versions")]
    [InlineData("Unexpected argument 'extra'", "alias", "list", "create-order", "extra")]
    [InlineData("needs --version", "alias", "create", "create-order", "canary")]
    [InlineData("version number or $LATEST, not 'abc'", "alias", "create", "create-order", "canary", "--version", "abc")]
    [InlineData("--weight needs --additional-version", "alias", "create", "create-order", "canary", "--version", "1", "--weight", "0.5")]
    [InlineData("--additional-version needs --weight", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2")]
    [InlineData("needs a number, not 'abc'", "alias", "create", "create-order", "canary", "--version", "1", "--additional-version", "2", "--weight", "abc")]
    [InlineData("cannot be given with", "alias", "update", "create-order", "prod", "--no-routing", "--additional-version", "2", "--weight", "0.5")]
    [InlineData("a number from 1 up, not 'x'", "versions", "delete", "create-order", "x")]
    [InlineData("x86_64 or arm64, not 'sparc'", "package", "--arch", "sparc")]
    [InlineData("not an AWS account id", "publish", "--account", "123")]
    [InlineData("not an AWS region name", "publish", "--region", "nowhere")]
    [InlineData("needs a value", "publish", "--description")]
    public async Task A_malformed_command_line_exits_2_with_its_usage_and_changes_nothing(string expected, params string[] args)
    {
        await ArrangeAsync();
        var before = _registry.Snapshot();

        var result = await _registry.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _registry.Snapshot());
    }

    [Fact]
    public async Task A_corrupt_package_is_refused_at_publish_and_changes_nothing()
    {
        await ArrangeAsync();
        await _registry.PackageAsync("code v3");
        var stored = await _registry.LatestPackageFileAsync();
        await using (var file = new FileStream(stored, FileMode.Open, FileAccess.Write))
        {
            file.Seek(10, SeekOrigin.Begin);
            file.WriteByte(0xFF);
        }
        var before = _registry.Snapshot();

        var result = await _registry.RunAsync("publish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is corrupt", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _registry.Snapshot());
    }

    [Fact]
    public async Task A_missing_package_is_refused_at_publish_and_changes_nothing()
    {
        await ArrangeAsync();
        await _registry.PackageAsync("code v3");
        var stored = await _registry.LatestPackageFileAsync();
        File.Delete(stored);
        var before = _registry.Snapshot();

        var result = await _registry.RunAsync("publish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is missing", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, _registry.Snapshot());
    }

    [Fact]
    public async Task Publishing_before_any_package_is_refused()
    {
        var result = await _registry.RunAsync("publish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no package yet", result.Error, StringComparison.Ordinal);
    }
}
