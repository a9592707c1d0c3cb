using System.Collections.Concurrent;
using System.Globalization;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// The <c>rabbitmq</c> provider for <see cref="QueueSourceRegistry"/>: serves queues from a RabbitMQ broker, one
/// connection per broker URI shared by all the queues on it, closed when the factory is disposed.
/// </summary>
/// <remarks>
/// Queue settings: <c>uri</c> (for example <c>amqp://guest:guest@127.0.0.1:5672/</c>; the factory's default when
/// absent) and <c>consumerTimeoutSeconds</c>, the broker's <c>consumer_timeout</c> (1800 by default), which bounds
/// how long a message may stay received: the broker closes a channel that holds a delivery longer.
/// </remarks>
public sealed class RabbitMqQueueSourceFactory : IQueueSourceFactory, IAsyncDisposable
{
    /// <summary>The provider name configuration selects this factory by.</summary>
    public const string ProviderName = "rabbitmq";

    /// <summary>The setting that names the broker: an <c>amqp://</c> or <c>amqps://</c> URI with credentials and vhost.</summary>
    public const string UriSetting = "uri";

    /// <summary>The setting that states the broker's <c>consumer_timeout</c> in seconds.</summary>
    public const string ConsumerTimeoutSetting = "consumerTimeoutSeconds";

    // RabbitMQ's default consumer_timeout (30 minutes) since 3.8.15.
    private static readonly TimeSpan DefaultConsumerTimeout = TimeSpan.FromMinutes(30);

    private readonly string? _defaultUri;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, RabbitMqConnection> _connections = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>A factory whose queues connect to <paramref name="defaultUri"/> unless their settings name a <c>uri</c>.</summary>
    public RabbitMqQueueSourceFactory(string? defaultUri = null)
        : this(defaultUri, TimeProvider.System)
    {
    }

    internal RabbitMqQueueSourceFactory(string? defaultUri, TimeProvider time)
    {
        _defaultUri = defaultUri;
        _time = time;
    }

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    /// <remarks>Connects lazily: the queue is declared (with its dead-letter queue) on its first use.</remarks>
    public IQueueSource Create(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var text = definition.Settings.TryGetValue(UriSetting, out var configured) && !string.IsNullOrWhiteSpace(configured) ? configured : _defaultUri;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"Queue '{definition.Name}' uses provider '{ProviderName}' but names no broker: set Impulse:Sources:Queues:{definition.Name}:Settings:{UriSetting} " +
                "(for example amqp://guest:guest@127.0.0.1:5672/).");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new InvalidOperationException($"Queue '{definition.Name}': '{Redact(text)}' is not an amqp:// or amqps:// URI.");
        }

        var connection = _connections.GetOrAdd(uri.AbsoluteUri, static (_, state) => new RabbitMqConnection(state, "impulse"), uri);
        return new RabbitMqQueueSource(connection, definition.Name, definition.Redrive, ConsumerTimeout(definition), _time);
    }

    /// <summary>Closes every connection; deliveries still held by its queues go back to them at once.</summary>
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Drops every connection as a network failure would; for tests.</summary>
    internal async Task AbortConnectionsAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.AbortAsync().ConfigureAwait(false);
        }
    }

    private static TimeSpan ConsumerTimeout(QueueDefinition definition)
    {
        if (!definition.Settings.TryGetValue(ConsumerTimeoutSetting, out var text))
        {
            return DefaultConsumerTimeout;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"Queue '{definition.Name}': {ConsumerTimeoutSetting} '{text}' is not a number of seconds of at least 1.");
    }

    // Keeps passwords out of exception messages and logs.
    private static string Redact(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme > 0 && at > scheme ? string.Concat(text.AsSpan(0, scheme + 3), "***", text.AsSpan(at)) : text;
    }
}
