using System.Text;
using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// One AMQP connection to a broker, shared by every queue opened on the same URI and opened again on the next use
/// after it drops. The client's automatic recovery is off on purpose: it would reopen channels with delivery tags
/// counted from 1 again, and the adapter must know when that happens, since every delivery held on the old channel
/// went back to its queue and every receipt handle of it is now stale.
/// </summary>
internal sealed class RabbitMqConnection : IAsyncDisposable
{
    private readonly ConnectionFactory _factory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _current;
    private bool _disposed;

    public RabbitMqConnection(Uri uri, string clientName)
    {
        _factory = new ConnectionFactory
        {
            Uri = uri,
            ClientProvidedName = clientName,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
        };
        // System.Uri knows no default port for amqp(s): -1 when the URI names none.
        var port = uri.Port > 0 ? uri.Port : uri.Scheme == "amqps" ? 5671 : 5672;
        Display = $"{uri.Scheme}://{uri.Host}:{port}{uri.AbsolutePath}";
    }

    /// <summary>The broker's address without credentials, for messages.</summary>
    public string Display { get; }

    /// <summary>The broker's version, known once a connection opened.</summary>
    public Version? ServerVersion { get; private set; }

    public async ValueTask<IConnection> GetAsync(CancellationToken cancel)
    {
        var current = Volatile.Read(ref _current);
        if (current is { IsOpen: true })
        {
            return current;
        }

        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_current is { IsOpen: true })
            {
                return _current;
            }

            if (_current is not null)
            {
                await _current.DisposeAsync().ConfigureAwait(false);
                _current = null;
            }

            IConnection opened;
            try
            {
                opened = await _factory.CreateConnectionAsync(cancel).ConfigureAwait(false);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException error)
            {
                throw new InvalidOperationException(
                    $"Cannot connect to RabbitMQ at {Display}: {error.InnerException?.Message ?? error.Message}", error);
            }

            ServerVersion = ParseVersion(opened.ServerProperties);
            Volatile.Write(ref _current, opened);
            return opened;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the connection as a network failure would, without waiting for the broker; for tests.</summary>
    internal async Task AbortAsync()
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            await current.AbortAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_current is not null)
            {
                // Closing returns every delivery still unacknowledged on its channels to the queues at once.
                await _current.CloseAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
                await _current.DisposeAsync().ConfigureAwait(false);
                _current = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static Version? ParseVersion(IDictionary<string, object?>? properties)
    {
        if (properties?.TryGetValue("version", out var value) != true)
        {
            return null;
        }

        var text = value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            string s => s,
            _ => null,
        };
        // "3.10.8", or "4.0.0-rc.1" for pre-releases: the numeric prefix is what decides the features.
        var end = 0;
        while (text is not null && end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
        {
            end++;
        }

        return text is not null && Version.TryParse(text.AsSpan(0, end).TrimEnd('.'), out var version) ? version : null;
    }
}
