using StackExchange.Redis;

namespace Impulse.Sources.Redis.Streams;

/// <summary>
/// The <c>redis</c> stream provider: serves streams from Redis streams on the server and under the key prefix the
/// options name, over one connection opened on first use and closed when the factory is disposed.
/// </summary>
/// <param name="options">The server and key prefix; <see cref="RedisQueueOptions"/>'s defaults when null.</param>
public sealed class RedisStreamSourceFactory(RedisQueueOptions? options = null) : IStreamSourceFactory, IAsyncDisposable
{
    private readonly RedisQueueOptions _options = options ?? new RedisQueueOptions();
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _gate = new();
    private ConnectionMultiplexer? _connection;

    /// <inheritdoc/>
    public string Provider => RedisQueueSourceFactory.ProviderName;

    /// <inheritdoc/>
    /// <remarks>The first opener of a stream fixes its shard count on the server; later openers, in any process, use it.</remarks>
    /// <exception cref="InvalidOperationException">The server cannot be reached.</exception>
    public IStreamSource Create(StreamDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(definition.ShardCount, 1);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        var database = Connect(definition.Name).GetDatabase();
        var countKey = RedisStreamSource.ShardCountKey(_options.Prefix, definition.Name);
        database.StringSet(countKey, definition.ShardCount, when: When.NotExists);
        var shards = (int)database.StringGet(countKey);
        return new RedisStreamSource(database, _options.Prefix, definition.Name, shards, TimeSpan.FromMilliseconds(50), _closing.Token);
    }

    /// <summary>Ends the waits of every stream this factory opened and closes its connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested)
            return;
        await _closing.CancelAsync().ConfigureAwait(false);
        ConnectionMultiplexer? connection;
        lock (_gate)
            (connection, _connection) = (_connection, null);
        if (connection is not null)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ConnectionMultiplexer Connect(string stream)
    {
        // A lock rather than a Lazy: a failed connect must not be remembered, so the next open tries again.
        lock (_gate)
        {
            if (_connection is not null)
                return _connection;
            try
            {
                return _connection = ConnectionMultiplexer.Connect(_options.Connection);
            }
            catch (RedisConnectionException e)
            {
                throw new InvalidOperationException($"Stream '{stream}' cannot reach Redis: {e.Message}", e);
            }
        }
    }
}
