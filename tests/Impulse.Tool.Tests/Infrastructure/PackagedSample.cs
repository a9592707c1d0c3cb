namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>
/// The sample app packaged once per test run by the tool itself (a native AOT publish into its own artifacts
/// folder, so nothing in the work tree is touched or reused), shared by the tests that need a real package.
/// It builds a snapshot of the sources taken when the fixture starts, so every build in the run sees the same
/// input even while the work tree changes.
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

    /// <summary>The sample's folder in the snapshot.</summary>
    public string SampleDirectory => Path.Combine(_folder["source"], "samples", "OrderService");

    /// <summary>A scratch path.</summary>
    public string this[string relative] => _folder[relative];

    /// <summary>The package run; throws with its output when it failed.</summary>
    public ToolResult Result => (_result ?? throw new InvalidOperationException("The fixture has not run.")).Succeeded();

    /// <summary>Packages the sample with <c>impulse package</c>, as a user would.</summary>
    public async Task InitializeAsync()
    {
        var repository = RepositoryRoot.Find();
        Directory.CreateDirectory(_folder["source"]);
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets" })
            File.Copy(Path.Combine(repository, file), Path.Combine(_folder["source"], file));
        foreach (var folder in new[] { "src", "samples" })
            CopySources(Path.Combine(repository, folder), Path.Combine(_folder["source"], folder));
        _result = await PackageAsync(ArtifactsPath, _folder["first/out"], _folder["first/registry"]);
    }

    /// <summary>Packages the snapshot's sample with its own artifacts, output and registry folders.</summary>
    public Task<ToolResult> PackageAsync(string artifacts, string output, string registry) =>
        ToolRun.InProcessAsync(SampleDirectory, null,
            "package", "--artifacts-path", artifacts, "--output", output, "--registry", registry).WaitAsync(PackageTimeout);

    /// <summary>Copies a source tree without build output or local state.</summary>
    private static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from))
        {
            if (Path.GetFileName(directory) is not ("bin" or "obj" or ".impulse"))
                CopySources(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

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
