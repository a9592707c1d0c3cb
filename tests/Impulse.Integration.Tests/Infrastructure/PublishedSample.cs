namespace Impulse.Integration.Infrastructure;

/// <summary>
/// Publishes <c>samples/OrderService</c> as native AOT once per test run, into a temporary folder, and keeps
/// the whole publish output for the tests that judge it.
/// </summary>
public sealed class PublishedSample : IAsyncLifetime
{
    /// <summary>A cold publish restores, builds the generator and runs ILC: about a minute here, far less than this.</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    private DirectoryInfo? _work;
    private PublishResult? _publish;

    /// <summary>The publish command and its outcome.</summary>
    public PublishResult Publish => _publish ?? throw new InvalidOperationException("The fixture has not published yet.");

    /// <summary>The repository the sample was published from.</summary>
    public string RepositoryDirectory { get; private set; } = "";

    /// <summary>The native <c>bootstrap</c>; throws, with the publish output, when the publish failed.</summary>
    public string Binary
    {
        get
        {
            var binary = Publish.PathOf("bootstrap");
            if (!Publish.Succeeded || !File.Exists(binary))
                throw new InvalidOperationException($"The sample did not publish (exit code {Publish.Result.ExitCode}). Output:{Environment.NewLine}{Publish.Result.Output}");
            return binary;
        }
    }

    /// <summary>A scratch folder that is deleted with the fixture.</summary>
    public string WorkDirectory => _work?.FullName ?? throw new InvalidOperationException("The fixture has not started yet.");

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        RepositoryDirectory = RepositoryRoot.Find();
        _work = Directory.CreateTempSubdirectory("impulse-integration-");
        _publish = await AotPublisher.PublishAsync(Path.Combine(RepositoryDirectory, "samples", "OrderService"), _work.FullName, PublishTimeout);
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        try
        {
            _work?.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing the run for.
        }
        return Task.CompletedTask;
    }
}

/// <summary>Shares one <see cref="PublishedSample"/> among the test classes that need the binary.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedSampleCollection : ICollectionFixture<PublishedSample>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Published OrderService sample";
}
