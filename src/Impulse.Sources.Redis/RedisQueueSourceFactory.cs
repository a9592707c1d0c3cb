using StackExchange.Redis;

namespace Impulse.Sources.Redis;

/// <summary>
/// The <c>redis</c> provider for <see cref="QueueSourceRegistry"/>: serves queues from Redis streams. A queue's
/// settings may name its server (<c>connection</c>) and key prefix (<c>prefix</c>); the options give the defaults.
/// Queues on one server share one connection, opened on first use and closed when the factory is disposed.
/// </summary>
/// <param name="options">Defaults for every queue; <see cref="RedisQueueOptions"/>'s defaults when null.</param>
public sealed class RedisQueueSourceFactory(RedisQueueOptions? options = null) : IQueueSourceFactory, IAsyncDisposable
{
    /// <summary>The provider name configuration selects this factory by.</summary>
    public const string ProviderName = "redis";

    /// <summary>The queue setting that names the server, as a StackExchange.Redis configuration string.</summary>
    public const string ConnectionSetting = "connection";

    /// <summary>The queue setting that overrides <see cref="RedisQueueOptions.Prefix"/>.</summary>
    public const string PrefixSetting = "prefix";

    private readonly RedisQueueOptions _options = options ?? new RedisQueueOptions();
    private readonly Dictionary<string, ConnectionMultiplexer> _connections = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    /// <remarks>Connects to the server on the first queue that names it, so an unreachable server fails here, where
    /// the registry reports it and retries on the next request. The dead-letter queue lives on the same server under
    /// the same prefix: the move is one script, which cannot reach another server.</remarks>
    /// <exception cref="ArgumentException">A queue name is not valid, or the queue is its own dead-letter queue.</exception>
    /// <exception cref="InvalidOperationException">The server cannot be reached.</exception>
    public IQueueSource Create(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        CheckName(definition.Name);
        if (definition.Redrive is { } redrive)
        {
            CheckName(redrive.DeadLetterQueue);
            if (redrive.DeadLetterQueue == definition.Name)
            {
                throw new ArgumentException($"Queue '{definition.Name}' cannot be its own dead-letter queue.", nameof(definition));
            }
        }

        var connection = Setting(definition, ConnectionSetting) ?? _options.Connection;
        var prefix = Setting(definition, PrefixSetting) ?? _options.Prefix;
        if (string.IsNullOrEmpty(prefix))
        {
            throw new ArgumentException($"Queue '{definition.Name}' has an empty key prefix.", nameof(definition));
        }

        var deadLetter = definition.Redrive is null ? null : new QueueKeys(prefix, definition.Redrive.DeadLetterQueue);
        return new RedisQueueSource(
            Connect(definition.Name, connection),
            new QueueKeys(prefix, definition.Name),
            definition.Redrive,
            deadLetter,
            _options,
            _closing.Token);
    }

    /// <summary>Ends the waits of every queue this factory opened and closes its connections. Dispose the queues
    /// first (the registry does), so they can release their consumer names while the connection is still open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        ConnectionMultiplexer[] connections;
        lock (_connections)
        {
            connections = [.. _connections.Values];
            _connections.Clear();
        }

        foreach (var connection in connections)
        {
            await connection.CloseAsync().ConfigureAwait(false);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private ConnectionMultiplexer Connect(string queue, string configuration)
    {
        // A lock rather than a Lazy: a failed connect must not be remembered, so the next open tries again.
        lock (_connections)
        {
            if (_connections.TryGetValue(configuration, out var open))
            {
                return open;
            }

            ConnectionMultiplexer connection;
            try
            {
                connection = ConnectionMultiplexer.Connect(configuration);
            }
            catch (RedisConnectionException e)
            {
                throw new InvalidOperationException($"Queue '{queue}' cannot reach Redis at '{Redact(configuration)}': {e.Message}", e);
            }

            _connections.Add(configuration, connection);
            return connection;
        }
    }

    private static string? Setting(QueueDefinition definition, string name)
    {
        // Settings bound from configuration ignore case; a dictionary built by hand may not, so look ignoring case.
        foreach (var (key, value) in definition.Settings)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    private static void CheckName(string name)
    {
        if (!QueueKeys.IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid queue name for Redis: use 1 to 80 letters, digits, '-', '_' or '.', as SQS does.", nameof(name));
        }
    }

    // Configuration strings may carry a password; an error message must not.
    private static string Redact(string configuration)
        => string.Join(',', configuration.Split(',').Where(part => !part.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
}
