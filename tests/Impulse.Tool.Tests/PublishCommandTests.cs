using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

public sealed class PublishCommandTests : IDisposable
{
    private readonly RegistryScenario _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task Publish_creates_version_1_of_every_function_with_its_arn()
    {
        await _registry.PackageAsync();

        var result = (await _registry.RunAsync("publish", "--description", "first release")).Succeeded();

        Assert.Contains("create-order\t1\tpublished\tarn:aws:lambda:us-east-1:000000000000:function:create-order:1\t", result.Out, StringComparison.Ordinal);
        Assert.Contains("ship-order\t1\tpublished\tarn:aws:lambda:us-east-1:000000000000:function:ship-order:1\t", result.Out, StringComparison.Ordinal);
        Assert.Equal([1L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Publish_twice_without_a_change_returns_the_same_version()
    {
        await _registry.PackageAsync();
        (await _registry.RunAsync("publish")).Succeeded();
        var before = _registry.Snapshot();

        var again = (await _registry.RunAsync("publish", "--description", "no change")).Succeeded();

        Assert.Contains("create-order\t1\tunchanged\t", again.Out, StringComparison.Ordinal);
        Assert.Contains("ship-order\t1\tunchanged\t", again.Out, StringComparison.Ordinal);
        Assert.Equal(before, _registry.Snapshot());
    }

    [Fact]
    public async Task Repackaging_identical_build_output_and_publishing_returns_the_same_version()
    {
        await _registry.PackageAsync("same code");
        (await _registry.RunAsync("publish")).Succeeded();

        await _registry.PackageAsync("same code");
        var again = (await _registry.RunAsync("publish")).Succeeded();

        Assert.Contains("create-order\t1\tunchanged\t", again.Out, StringComparison.Ordinal);
        Assert.Equal([1L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Publish_after_a_code_change_creates_the_next_version()
    {
        await _registry.PackageAsync("code v1");
        (await _registry.RunAsync("publish")).Succeeded();
        await _registry.PackageAsync("code v2");

        var result = (await _registry.RunAsync("publish")).Succeeded();

        Assert.Contains("create-order\t2\tpublished\tarn:aws:lambda:us-east-1:000000000000:function:create-order:2\t", result.Out, StringComparison.Ordinal);
        Assert.Equal([1L, 2L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Publish_after_a_configuration_change_creates_the_next_version_with_the_new_configuration()
    {
        await _registry.PackageAsync("code v1", memoryMb: 256);
        (await _registry.RunAsync("publish")).Succeeded();
        await _registry.PackageAsync("code v1", memoryMb: 1024);

        (await _registry.RunAsync("publish")).Succeeded();

        var versions = (await _registry.RunAsync("versions", "create-order")).Succeeded().Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var one = versions.Single(l => l.StartsWith("1\t", StringComparison.Ordinal)).Split('\t');
        var two = versions.Single(l => l.StartsWith("2\t", StringComparison.Ordinal)).Split('\t');
        Assert.NotEqual(one[3], two[3]);
    }

    [Fact]
    public async Task Publish_with_function_publishes_that_function_only()
    {
        await _registry.PackageAsync();

        var result = (await _registry.RunAsync("publish", "--function", "ship-order")).Succeeded();

        Assert.Contains("ship-order\t1\tpublished\t", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("create-order", result.Out, StringComparison.Ordinal);
        Assert.Empty(RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Publish_with_a_package_makes_it_latest_and_versions_it_in_one_step()
    {
        await _registry.PackageAsync("code v1");
        (await _registry.RunAsync("publish")).Succeeded();
        using var elsewhere = new RegistryScenario();
        await elsewhere.PackageAsync("code v2");
        var zip = Directory.GetFiles(elsewhere["out-1"], "*.zip").Single();

        var result = (await _registry.RunAsync("publish", "--package", zip)).Succeeded();

        Assert.Contains("create-order\t2\tpublished\t", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_uses_the_region_and_account_given()
    {
        await _registry.PackageAsync();

        var result = (await _registry.RunAsync("publish", "--region", "eu-west-1", "--account", "123456789012")).Succeeded();

        Assert.Contains("arn:aws:lambda:eu-west-1:123456789012:function:create-order:1", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_version_3_of_1_to_5_never_reuses_3()
    {
        await _registry.PublishVersionsAsync(5);

        (await _registry.RunAsync("versions", "delete", "create-order", "3")).Succeeded();
        await _registry.PackageAsync("code v6");
        var result = (await _registry.RunAsync("publish")).Succeeded();

        Assert.Contains("create-order\t6\tpublished\t", result.Out, StringComparison.Ordinal);
        Assert.Equal([1L, 2L, 4L, 5L, 6L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Deleting_the_last_version_does_not_give_its_number_again()
    {
        await _registry.PublishVersionsAsync(2);

        (await _registry.RunAsync("versions", "delete", "create-order", "2")).Succeeded();
        await _registry.PackageAsync("code v3");
        (await _registry.RunAsync("publish")).Succeeded();

        Assert.Equal([1L, 3L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task Versions_lists_latest_then_every_version_with_arn_hashes_and_description()
    {
        await _registry.PublishVersionsAsync(2);

        var lines = (await _registry.RunAsync("versions", "create-order", "--account", "123456789012")).Succeeded()
            .Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.StartsWith("VERSION\tARN", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("$LATEST\tarn:aws:lambda:us-east-1:123456789012:function:create-order:$LATEST\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("1\tarn:aws:lambda:us-east-1:123456789012:function:create-order:1\t", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\tbuild 1", lines[2].TrimEnd('\r'), StringComparison.Ordinal);
        Assert.StartsWith("2\t", lines[3], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
    }
}
