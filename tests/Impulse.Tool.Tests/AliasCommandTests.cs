using Impulse.Tool.Tests.Infrastructure;

namespace Impulse.Tool.Tests;

public sealed class AliasCommandTests : IDisposable
{
    private readonly RegistryScenario _registry = new();

    public void Dispose() => _registry.Dispose();

    [Fact]
    public async Task Alias_create_points_a_name_at_a_version_and_list_shows_it()
    {
        await _registry.PublishVersionsAsync(1);

        var created = (await _registry.RunAsync("alias", "create", "create-order", "prod", "--version", "1", "--description", "production")).Succeeded();
        var listed = (await _registry.RunAsync("alias", "list", "create-order")).Succeeded();

        Assert.Equal("prod\tarn:aws:lambda:us-east-1:000000000000:function:create-order:prod\t1\t-\t-\tproduction", created.Out.Trim());
        Assert.Contains(created.Out.Trim(), listed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_create_with_a_weighted_second_version_splits_traffic()
    {
        await _registry.PublishVersionsAsync(2);

        var created = (await _registry.RunAsync("alias", "create", "create-order", "beta", "--version", "1", "--additional-version", "2", "--weight", "0.1")).Succeeded();

        Assert.Equal("beta\tarn:aws:lambda:us-east-1:000000000000:function:create-order:beta\t1\t2\t0.1\t", created.Out.TrimEnd('\r', '\n'));
    }

    [Fact]
    public async Task Alias_may_point_at_latest_without_weights()
    {
        await _registry.PublishVersionsAsync(1);

        var created = (await _registry.RunAsync("alias", "create", "create-order", "dev", "--version", "$LATEST")).Succeeded();

        Assert.Contains("\t$LATEST\t-\t-\t", created.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_update_moves_the_version_and_keeps_the_split_until_it_is_removed()
    {
        await _registry.PublishVersionsAsync(3);
        (await _registry.RunAsync("alias", "create", "create-order", "beta", "--version", "1", "--additional-version", "2", "--weight", "0.1")).Succeeded();

        var moved = (await _registry.RunAsync("alias", "update", "create-order", "beta", "--version", "3")).Succeeded();
        var widened = (await _registry.RunAsync("alias", "update", "create-order", "beta", "--additional-version", "2", "--weight", "0.5")).Succeeded();
        var ended = (await _registry.RunAsync("alias", "update", "create-order", "beta", "--no-routing", "--description", "all on 3")).Succeeded();

        Assert.Contains("\t3\t2\t0.1\t", moved.Out, StringComparison.Ordinal);
        Assert.Contains("\t3\t2\t0.5\t", widened.Out, StringComparison.Ordinal);
        Assert.Contains("\t3\t-\t-\tall on 3", ended.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alias_delete_removes_the_alias_and_keeps_its_versions()
    {
        await _registry.PublishVersionsAsync(1);
        (await _registry.RunAsync("alias", "create", "create-order", "prod", "--version", "1")).Succeeded();

        (await _registry.RunAsync("alias", "delete", "create-order", "prod")).Succeeded();

        var listed = (await _registry.RunAsync("alias", "list", "create-order")).Succeeded();
        Assert.DoesNotContain("prod", listed.Out, StringComparison.Ordinal);
        Assert.Equal([1L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }

    [Fact]
    public async Task A_version_is_deletable_once_no_alias_points_at_it()
    {
        await _registry.PublishVersionsAsync(2);
        (await _registry.RunAsync("alias", "create", "create-order", "beta", "--version", "2", "--additional-version", "1", "--weight", "0.2")).Succeeded();
        (await _registry.RunAsync("alias", "update", "create-order", "beta", "--no-routing")).Succeeded();

        (await _registry.RunAsync("versions", "delete", "create-order", "1")).Succeeded();

        Assert.Equal([2L], RegistrySnapshot.VersionNumbers(_registry.Registry, "create-order"));
    }
}
