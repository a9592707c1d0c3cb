using System.Collections.Concurrent;

namespace Impulse.Sources;

/// <summary>
/// Maps the queue names that pull triggers use to open sources: picks each queue's provider from
/// <see cref="PullSourceOptions"/>, opens the queue once and hands the same instance to every caller.
/// Disposing the registry disposes the queues it opened, not the factories.
/// </summary>
public sealed class QueueSourceRegistry : IAsyncDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoSettings = new Dictionary<string, string>(0);

    private readonly Dictionary<string, IQueueSourceFactory> _factories = new(StringComparer.OrdinalIgnoreCase);
    private readonly PullSourceOptions _options;
    // Lazy so that two pollers asking for one queue at once open it once.
    private readonly ConcurrentDictionary<string, Lazy<(IQueueSource Source, RedrivePolicy? Redrive)>> _open = new(StringComparer.Ordinal);
    private bool _disposed;

    /// <summary>A registry over <paramref name="factories"/>, one per provider name.</summary>
    /// <exception cref="ArgumentException">Two factories claim the same provider name.</exception>
    public QueueSourceRegistry(IEnumerable<IQueueSourceFactory> factories, PullSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(factories);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var factory in factories)
        {
            if (!_factories.TryAdd(factory.Provider, factory))
            {
                throw new ArgumentException($"Two queue source factories claim the provider '{factory.Provider}'.", nameof(factories));
            }
        }

        _options = options;
    }

    /// <summary>
    /// The queue named <paramref name="name"/>. A redrive policy in configuration wins over
    /// <paramref name="declaredRedrive"/>, the one a pull trigger declares.
    /// </summary>
    /// <exception cref="InvalidOperationException">No factory serves the queue's provider; its dead-letter queue has a
    /// different provider (a source can only move messages within itself); or the queue was already opened with
    /// another redrive policy.</exception>
    public IQueueSource GetQueue(string name, RedrivePolicy? declaredRedrive = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _options.Queues.TryGetValue(name, out var configured);
        var redrive = configured?.Redrive ?? declaredRedrive;

        var lazy = _open.GetOrAdd(name, static (key, state) => new(() => state.Self.Open(key, state.Configured, state.Redrive)), (Self: this, Configured: configured, Redrive: redrive));
        (IQueueSource Source, RedrivePolicy? Redrive) open;
        try
        {
            open = lazy.Value;
        }
        catch
        {
            // A failed open (say, a broker not yet up) must not stick: the next call tries again.
            _open.TryRemove(new(name, lazy));
            throw;
        }

        if (open.Redrive != redrive && configured?.Redrive is null)
        {
            throw new InvalidOperationException(
                $"Queue '{name}' is already open with redrive policy {Describe(open.Redrive)}; a trigger now declares {Describe(redrive)}. " +
                $"Declare the same policy on every trigger of the queue, or set it in configuration.");
        }

        return open.Source;
    }

    /// <summary>Disposes every queue this registry opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var open in _open.Values)
        {
            if (open.IsValueCreated)
            {
                await open.Value.Source.DisposeAsync().ConfigureAwait(false);
            }
        }

        _open.Clear();
    }

    private (IQueueSource, RedrivePolicy?) Open(string name, QueueSourceOptions? configured, RedrivePolicy? redrive)
    {
        var provider = ProviderOf(configured);
        if (redrive is not null)
        {
            _options.Queues.TryGetValue(redrive.DeadLetterQueue, out var deadLetter);
            var deadLetterProvider = ProviderOf(deadLetter);
            if (!string.Equals(provider, deadLetterProvider, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"Queue '{name}' uses provider '{provider}' but its dead-letter queue '{redrive.DeadLetterQueue}' uses '{deadLetterProvider}'; " +
                    "a queue and its dead-letter queue must share a provider.");
            }
        }

        if (!_factories.TryGetValue(provider, out var factory))
        {
            throw new InvalidOperationException(
                $"Queue '{name}' uses provider '{provider}', but no queue source factory serves it. " +
                $"Known providers: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}.");
        }

        return (factory.Create(new QueueDefinition(name, redrive, configured?.Settings ?? NoSettings)), redrive);
    }

    private string ProviderOf(QueueSourceOptions? configured) => configured?.Provider ?? _options.DefaultProvider;

    private static string Describe(RedrivePolicy? redrive)
        => redrive is null ? "none" : $"'{redrive.DeadLetterQueue}' after {redrive.MaxReceiveCount} receives";
}
