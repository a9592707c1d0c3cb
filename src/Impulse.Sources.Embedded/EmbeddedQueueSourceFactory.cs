namespace Impulse.Sources.Embedded;

/// <summary>
/// The <c>embedded</c> provider for <see cref="QueueSourceRegistry"/>: serves every queue from one
/// <see cref="EmbeddedQueueDatabase"/>, opened on first use and closed when the factory is disposed.
/// </summary>
/// <param name="options">Where the database lives; the defaults when null.</param>
public sealed class EmbeddedQueueSourceFactory(EmbeddedQueueOptions? options = null) : IQueueSourceFactory, IAsyncDisposable
{
    /// <summary>The provider name configuration selects this factory by.</summary>
    public const string ProviderName = "embedded";

    private readonly Lazy<EmbeddedQueueDatabase> _database = new(() => EmbeddedQueueDatabase.Open(options));

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    /// <remarks>Queue settings are not used: every queue lives in the one database the factory's options name.</remarks>
    public IQueueSource Create(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return _database.Value.GetQueue(definition.Name, definition.Redrive);
    }

    /// <summary>Closes the database, if it was opened.</summary>
    public ValueTask DisposeAsync() => _database.IsValueCreated ? _database.Value.DisposeAsync() : ValueTask.CompletedTask;
}
