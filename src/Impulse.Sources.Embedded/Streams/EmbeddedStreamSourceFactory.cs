namespace Impulse.Sources.Embedded.Streams;

/// <summary>
/// The <c>embedded</c> stream provider: serves every stream from one <see cref="EmbeddedStreamDatabase"/>, opened on
/// first use and closed when the factory is disposed.
/// </summary>
/// <param name="path">The database file.</param>
/// <param name="options">The clock, busy timeout and poll interval; the defaults when null.</param>
public sealed class EmbeddedStreamSourceFactory(string path, EmbeddedQueueOptions? options = null) : IStreamSourceFactory, IAsyncDisposable
{
    /// <summary>The default database file, relative to the app folder, beside the queue database.</summary>
    public const string DefaultDatabasePath = ".impulse/streams.db";

    private readonly Lazy<EmbeddedStreamDatabase> _database = new(() => EmbeddedStreamDatabase.Open(path, options));

    /// <inheritdoc/>
    public string Provider => EmbeddedQueueSourceFactory.ProviderName;

    /// <inheritdoc/>
    public IStreamSource Create(StreamDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _database.Value.GetStream(definition.Name, definition.ShardCount);
    }

    /// <summary>Closes the database, if it was opened.</summary>
    public ValueTask DisposeAsync() => _database.IsValueCreated ? _database.Value.DisposeAsync() : ValueTask.CompletedTask;
}
