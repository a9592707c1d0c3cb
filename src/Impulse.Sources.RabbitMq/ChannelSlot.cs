using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// A channel that is opened on first use and again after it closes. AMQP closes a channel on any error the broker
/// reports for it (a queue not found, arguments that do not match), so one failed call must not break the next.
/// </summary>
internal sealed class ChannelSlot(RabbitMqConnection connection, bool publisherConfirms) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IChannel? _channel;
    private bool _disposed;

    public async ValueTask<IChannel> GetAsync(CancellationToken cancel)
    {
        var channel = Volatile.Read(ref _channel);
        if (channel is { IsOpen: true })
        {
            return channel;
        }

        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_channel is { IsOpen: true })
            {
                return _channel;
            }

            if (_channel is not null)
            {
                await _channel.DisposeAsync().ConfigureAwait(false);
            }

            var open = await connection.GetAsync(cancel).ConfigureAwait(false);
            // With tracking, BasicPublishAsync completes only once the broker confirmed the message (or throws when
            // it nacked or returned it), and many publishes may be outstanding on the channel at once.
            var options = new CreateChannelOptions(publisherConfirms, publisherConfirms);
            _channel = await open.CreateChannelAsync(options, cancel).ConfigureAwait(false);
            return _channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            _disposed = true;
            if (_channel is not null)
            {
                await CloseQuietlyAsync(_channel).ConfigureAwait(false);
                _channel = null;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes a channel whose connection may already be gone; a close that fails has nothing left to close.</summary>
    public static async ValueTask CloseQuietlyAsync(IChannel channel)
    {
        try
        {
            if (channel.IsOpen)
            {
                await channel.CloseAsync().ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is RabbitMQ.Client.Exceptions.AlreadyClosedException
            or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException or TimeoutException or ObjectDisposedException)
        {
        }

        await channel.DisposeAsync().ConfigureAwait(false);
    }
}
