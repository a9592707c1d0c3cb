using System.Security.Cryptography;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// The channel a queue source receives on, and the deliveries it holds unacknowledged. A held delivery is SQS's
/// in-flight message: hidden from other receivers by the broker until this channel acks it (delete), nacks it with
/// requeue (its visibility timer ran out, or visibility changed to zero), or closes (a crash or a dropped connection).
/// </summary>
internal sealed class ReceiveChannel
{
    private readonly IChannel _channel;
    private readonly DeliveryReader _reader;
    private readonly TimeSpan _maxHold;
    // One AMQP call at a time on this channel: QoS and consume must pair up, and the client does not promise that
    // acks interleaved with a pending RPC behave.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<ulong, HeldDelivery> _held = [];
    private readonly TaskCompletionSource _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ReceiveChannel(IChannel channel, DeliveryReader reader, TimeSpan maxHold)
    {
        _channel = channel;
        _reader = reader;
        _maxHold = maxHold;
        Token = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        _channel.ChannelShutdownAsync += OnShutdownAsync;
    }

    /// <summary>Random per channel: delivery tags restart at 1 on every channel, so handles carry this too.</summary>
    public ulong Token { get; }

    public bool IsOpen => !_lost.Task.IsCompleted && _channel.IsOpen;

    /// <summary>Completes when the channel closes; every delivery it held is back in its queue by then.</summary>
    public Task Lost => _lost.Task;

    public int HeldCount
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    public static async Task<ReceiveChannel> OpenAsync(IConnection connection, DeliveryReader reader, TimeSpan maxHold, CancellationToken cancel)
    {
        var channel = await connection.CreateChannelAsync(cancellationToken: cancel).ConfigureAwait(false);
        var opened = new ReceiveChannel(channel, reader, maxHold);
        if (!channel.IsOpen)
        {
            opened.MarkLost();
        }

        return opened;
    }

    /// <summary>Takes up to <paramref name="max"/> ready messages with basic.get, stopping at the first empty answer.</summary>
    public async Task<List<ReceivedMessage>> GetAsync(string queue, int max, TimeSpan visibilityTimeout, CancellationToken cancel)
    {
        var messages = new List<ReceivedMessage>();
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            // Each get takes a message off the queue, so none is cancelled midway: a cancelled RPC whose answer still
            // arrives would leave a delivery held that nobody knows of. Messages already taken are returned.
            while (messages.Count < max && !(messages.Count > 0 && cancel.IsCancellationRequested))
            {
                cancel.ThrowIfCancellationRequested();
                var got = await _channel.BasicGetAsync(queue, autoAck: false, CancellationToken.None).ConfigureAwait(false);
                if (got is null)
                {
                    break;
                }

                if (Hold(got.DeliveryTag, got.Redelivered, got.BasicProperties, got.Body, visibilityTimeout) is { } message)
                {
                    messages.Add(message);
                }
            }
        }
        finally
        {
            _gate.Release();
        }

        return messages;
    }

    /// <summary>
    /// Waits up to <paramref name="wait"/> for one delivery with a consumer whose prefetch is 1, then cancels it.
    /// </summary>
    /// <remarks>
    /// Prefetch 1, not the batch size, because a quorum queue returns the deliveries still on their way to a consumer
    /// when it is cancelled, and counts each such return as a delivery: with a larger prefetch, messages nobody
    /// received would gain receive counts (and reach the dead-letter queue early). With prefetch 1 nothing more is
    /// on its way once the first delivery arrived; the caller takes the rest of its batch with basic.get. Only a
    /// message that arrives in the instant the wait gives up can still be counted without being received.
    /// </remarks>
    public async Task<IReadOnlyList<ReceivedMessage>> ConsumeAsync(string queue, TimeSpan visibilityTimeout, TimeSpan wait, CancellationToken cancel)
    {
        var consumer = new PollConsumer(this, _channel, visibilityTimeout);
        string consumerTag;
        await _gate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            // Per consumer (global: false), which is the only kind quorum queues support.
            await _channel.BasicQosAsync(0, 1, global: false, CancellationToken.None).ConfigureAwait(false);
            consumerTag = await _channel.BasicConsumeAsync(queue, autoAck: false, consumerTag: string.Empty, noLocal: false, exclusive: false,
                arguments: null, consumer, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            var timeout = Task.Delay(wait, _reader.Time, stop.Token);
            await Task.WhenAny(consumer.FirstDelivery, timeout, _lost.Task).ConfigureAwait(false);
            // Releases the timer when a delivery came first; a cancelled delay raises nothing unobserved.
            await stop.CancelAsync().ConfigureAwait(false);
        }

        await CancelAsync(consumer, consumerTag).ConfigureAwait(false);
        return consumer.Messages;
    }

    /// <summary>Records a delivery as held and starts its visibility timer; null when the channel is already gone.</summary>
    public ReceivedMessage? Hold(ulong deliveryTag, bool redelivered, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body, TimeSpan visibilityTimeout)
    {
        var message = _reader.Read(RabbitMqReceiptHandle.Format(Token, deliveryTag), redelivered, properties, body);
        var now = _reader.Time.GetUtcNow();
        lock (_held)
        {
            if (_lost.Task.IsCompleted)
            {
                // The broker already put it back in the queue; a handle to it could never be used.
                return null;
            }

            var held = new HeldDelivery(this, deliveryTag, message.MessageId, now, now + visibilityTimeout);
            _held[deliveryTag] = held;
            held.Timer = _reader.Time.CreateTimer(static state => ((HeldDelivery)state!).Expire(), held, visibilityTimeout, Timeout.InfiniteTimeSpan);
        }

        return message;
    }

    /// <summary>Acks the held deliveries among <paramref name="tags"/>; returns how many it acked.</summary>
    public async Task<int> AckAsync(IReadOnlyList<ulong> tags)
    {
        var taken = Take(tags);
        if (taken.Count == 0)
        {
            return 0;
        }

        var acked = 0;
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var held in taken)
            {
                // Once the channel closed, the broker has put the rest back in the queue: they were not deleted.
                if (!await TrySendAsync(held.Tag, ack: true).ConfigureAwait(false))
                {
                    break;
                }

                _reader.Forget(held.MessageId);
                acked++;
            }
        }
        finally
        {
            _gate.Release();
        }

        return acked;
    }

    /// <summary>Hides a held delivery for <paramref name="timeout"/> from now, or returns it to the queue at zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The delivery would be held longer than the broker allows.</exception>
    public async Task<bool> ChangeVisibilityAsync(ulong tag, TimeSpan timeout)
    {
        var now = _reader.Time.GetUtcNow();
        lock (_held)
        {
            if (!_held.TryGetValue(tag, out var held))
            {
                return false;
            }

            if (timeout > TimeSpan.Zero)
            {
                if (now + timeout - held.Delivered > _maxHold)
                {
                    throw new ArgumentOutOfRangeException(nameof(timeout), timeout,
                        $"A delivery can be held at most {_maxHold} since it was received (the broker's consumer_timeout); it was received {now - held.Delivered} ago.");
                }

                held.Deadline = now + timeout;
                held.Timer!.Change(timeout, Timeout.InfiniteTimeSpan);
                return true;
            }
        }

        return await ReturnAsync(tag).ConfigureAwait(false);
    }

    /// <summary>The visibility timer ran out: the delivery goes back to the queue unless its deadline moved.</summary>
    private async Task ExpireAsync(HeldDelivery held)
    {
        lock (_held)
        {
            if (!_held.TryGetValue(held.Tag, out var current) || current != held)
            {
                return;
            }

            var remaining = held.Deadline - _reader.Time.GetUtcNow();
            if (remaining > TimeSpan.Zero)
            {
                // Timers may fire a little early, or the deadline moved after this callback was queued.
                held.Timer!.Change(remaining, Timeout.InfiniteTimeSpan);
                return;
            }
        }

        await ReturnAsync(held.Tag).ConfigureAwait(false);
    }

    private async Task<bool> ReturnAsync(ulong tag)
    {
        if (Take([tag]) is not [var held])
        {
            return false;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await TrySendAsync(held.Tag, ack: false).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private List<HeldDelivery> Take(IReadOnlyList<ulong> tags)
    {
        var taken = new List<HeldDelivery>(tags.Count);
        lock (_held)
        {
            foreach (var tag in tags)
            {
                if (_held.Remove(tag, out var held))
                {
                    held.Timer!.Dispose();
                    taken.Add(held);
                }
            }
        }

        return taken;
    }

    /// <summary>Acks, or nacks with requeue; false when the channel is gone (and the broker requeued it anyway).</summary>
    private async Task<bool> TrySendAsync(ulong tag, bool ack)
    {
        try
        {
            if (ack)
            {
                await _channel.BasicAckAsync(tag, multiple: false).ConfigureAwait(false);
            }
            else
            {
                await _channel.BasicNackAsync(tag, multiple: false, requeue: true).ConfigureAwait(false);
            }

            return true;
        }
        catch (Exception error) when (IsChannelGone(error))
        {
            return false;
        }
    }

    private async Task CancelAsync(PollConsumer consumer, string consumerTag)
    {
        if (IsOpen)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await _channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error) when (IsChannelGone(error))
            {
            }
            finally
            {
                _gate.Release();
            }
        }

        try
        {
            await Task.WhenAny(consumer.Finished, _lost.Task).WaitAsync(TimeSpan.FromSeconds(10), _reader.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Bounded: should the client never dispatch cancel-ok, a delivery still on its way stays held and times out.
        }
    }

    /// <summary>Closes the channel, which returns every held delivery to the queue at once.</summary>
    public async ValueTask CloseAsync()
    {
        MarkLost();
        await ChannelSlot.CloseQuietlyAsync(_channel).ConfigureAwait(false);
    }

    internal static bool IsChannelGone(Exception error)
        => error is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException;

    private Task OnShutdownAsync(object? sender, ShutdownEventArgs reason)
    {
        MarkLost();
        return Task.CompletedTask;
    }

    private void MarkLost()
    {
        lock (_held)
        {
            foreach (var held in _held.Values)
            {
                held.Timer!.Dispose();
            }

            _held.Clear();
            _lost.TrySetResult();
        }
    }

    /// <summary>One delivery this channel holds unacknowledged.</summary>
    private sealed class HeldDelivery(ReceiveChannel owner, ulong tag, string messageId, DateTimeOffset delivered, DateTimeOffset deadline)
    {
        public ulong Tag => tag;

        public string MessageId => messageId;

        public DateTimeOffset Delivered => delivered;

        public DateTimeOffset Deadline { get; set; } = deadline;

        public ITimer? Timer { get; set; }

        public void Expire() => _ = owner.ExpireAsync(this);
    }
}
