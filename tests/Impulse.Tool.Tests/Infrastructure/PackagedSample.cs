namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>
/// The sample app packaged once per test run by the tool itself (a native AOT publish into its own artifacts
/// folder, so nothing in the work tree is touched or reused), shared by the tests that need a real package.
/// </summary>
public sealed class PackagedSample : IAsyncLifetime
{
    /// <summary>A cold native AOT publish takes about a minute on an idle machine; a busy one needs far more.</summary>
    public static readonly TimeSpan PackageTimeout = TimeSpan.FromMinutes(20);

    private readonly TemporaryFolder _folder = new();
    private ToolResult? _result;

    /// <summary>The bin/obj root of the publish.</summary>
    public string ArtifactsPath => _folder["first/artifacts"];

    /// <summary>The publish folder the tool packaged.</summary>
    public string PublishDirectory => Path.Combine(ArtifactsPath, "impulse", "x86_64", "publish");

    /// <summary>The package.</summary>
    public string PackagePath => Path.Combine(_folder["first/out"], "OrderService-x86_64.zip");

    /// <summary>A scratch path.</summary>
    public string this[string relative] => _folder[relative];

    /// <summary>The package run; throws with its output when it failed.</summary>
    public ToolResult Result => (_result ?? throw new InvalidOperationException("The fixture has not run.")).Succeeded();

    /// <summary>Packages the sample with <c>impulse package</c>, as a user would.</summary>
    public async Task InitializeAsync() =>
        _result = await PackageAsync(ArtifactsPath, _folder["first/out"], _folder["first/registry"]);

    /// <summary>Packages the sample with its own artifacts, output and registry folders.</summary>
    public static Task<ToolResult> PackageAsync(string artifacts, string output, string registry) =>
        ToolRun.InProcessAsync(RepositoryRoot.Sample, null,
            "package", "--artifacts-path", artifacts, "--output", output, "--registry", registry).WaitAsync(PackageTimeout);

    /// <summary>Deletes the folder.</summary>
    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>Shares one <see cref="PackagedSample"/> among the classes that need it.</summary>
[CollectionDefinition(Name)]
public sealed class PackagedSampleCollection : ICollectionFixture<PackagedSample>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Packaged OrderService sample";
}
