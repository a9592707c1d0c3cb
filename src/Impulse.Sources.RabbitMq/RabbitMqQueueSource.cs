using RabbitMQ.Client.Exceptions;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// One RabbitMQ queue behind the SQS-shaped <see cref="IQueueSource"/> contract. Sends publish persistent messages
/// and wait for the broker's confirm; receives take messages with basic.get, or a short-lived consumer when they must
/// wait, and hold them unacknowledged; the visibility timeout is a timer here that returns the delivery to the queue.
/// See docs/sources.md for where AMQP differs from SQS.
/// </summary>
internal sealed class RabbitMqQueueSource : IQueueSource
{
    private readonly RabbitMqConnection _connection;
    private readonly QueueTopology _topology;
    private readonly ChannelSlot _publisher;
    private readonly DeliveryReader _reader;
    private readonly TimeSpan _maxHold;
    private readonly SemaphoreSlim _receiverGate = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private ReceiveChannel? _receiver;

    public RabbitMqQueueSource(RabbitMqConnection connection, string name, RedrivePolicy? redrive, TimeSpan maxHold, TimeProvider time)
    {
        if (redrive is not null && string.Equals(redrive.DeadLetterQueue, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Queue '{name}' cannot be its own dead-letter queue.", nameof(redrive));
        }

        _connection = connection;
        _topology = new QueueTopology(connection, name, redrive);
        _publisher = new ChannelSlot(connection, publisherConfirms: true);
        _reader = new DeliveryReader(time);
        _maxHold = maxHold;
    }

    public string Name => _topology.Name;

    public async ValueTask<string> SendAsync(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default)
    {
        var ids = await SendBatchAsync([new OutgoingMessage(body, attributes, delay)], cancel).ConfigureAwait(false);
        return ids[0];
    }

    /// <remarks>Not atomic: AMQP's transactions exclude publisher confirms, which are what make a send durable.
    /// When one publish fails the others may still be stored; the exception says which failed.</remarks>
    public async ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(message.Delay ?? TimeSpan.Zero, TimeSpan.Zero, nameof(messages));
            ArgumentOutOfRangeException.ThrowIfGreaterThan(message.Delay ?? TimeSpan.Zero, QueueTopology.MaxDelay, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return [];
        }

        await ReadyAsync(cancel).ConfigureAwait(false);
        var routes = new string[messages.Count];
        var delayQueues = new Dictionary<long, string>();
        for (var i = 0; i < routes.Length; i++)
        {
            var delayMs = (long)Math.Ceiling((messages[i].Delay ?? TimeSpan.Zero).TotalMilliseconds);
            if (delayMs > 0 && !delayQueues.ContainsKey(delayMs))
            {
                delayQueues[delayMs] = await _topology.DeclareDelayQueueAsync(delayMs, cancel).ConfigureAwait(false);
            }

            routes[i] = delayMs > 0 ? delayQueues[delayMs] : Name;
        }

        // Past this point a send is not withdrawn: reporting it cancelled after the broker stored it invites a duplicate.
        cancel.ThrowIfCancellationRequested();
        var channel = await _publisher.GetAsync(cancel).ConfigureAwait(false);
        var now = _reader.Time.GetUtcNow();
        var ids = new string[messages.Count];
        var publishes = new Task[messages.Count];
        for (var i = 0; i < publishes.Length; i++)
        {
            ids[i] = Guid.CreateVersion7().ToString();
            var properties = MessageCodec.Properties(ids[i], messages[i].Attributes, now);
            // Mandatory: a queue deleted behind our back makes the broker return the message, which fails the send
            // instead of dropping it silently.
            publishes[i] = channel.BasicPublishAsync(string.Empty, routes[i], mandatory: true, properties, messages[i].Body, CancellationToken.None).AsTask();
        }

        try
        {
            await Task.WhenAll(publishes).ConfigureAwait(false);
        }
        catch (PublishException error)
        {
            // Returned or nacked: most likely the queue is gone, so declare it again on the next send.
            _topology.Invalidate();
            var failed = publishes.Count(task => task.IsFaulted);
            throw new InvalidOperationException(
                $"RabbitMQ did not store {failed} of {publishes.Length} messages sent to queue '{Name}' ({(error.IsReturn ? "returned as unroutable" : "nacked")}); the others were stored.",
                error);
        }

        return ids;
    }

    public async ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        TimeSpan waitTime,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, _maxHold);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTime, TimeSpan.Zero);
        await ReadyAsync(cancel).ConfigureAwait(false);

        var started = _reader.Time.GetTimestamp();
        var drops = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closing.Token);
        while (true)
        {
            var receiver = await ReceiverAsync(stop.Token).ConfigureAwait(false);
            try
            {
                var messages = await receiver.GetAsync(Name, maxMessages, visibilityTimeout, stop.Token).ConfigureAwait(false);
                var remaining = waitTime - _reader.Time.GetElapsedTime(started);
                if (messages.Count > 0 || remaining <= TimeSpan.Zero)
                {
                    return messages;
                }

                var consumed = await receiver.ConsumeAsync(Name, visibilityTimeout, remaining, stop.Token).ConfigureAwait(false);
                if (consumed.Count > 0)
                {
                    // The wait is over: fill the batch with what else is ready, as SQS returns up to the maximum.
                    if (consumed.Count < maxMessages && receiver.IsOpen)
                    {
                        var more = await receiver.GetAsync(Name, maxMessages - consumed.Count, visibilityTimeout, CancellationToken.None).ConfigureAwait(false);
                        return [.. consumed, .. more];
                    }

                    return consumed;
                }
            }
            catch (Exception error) when (ReceiveChannel.IsChannelGone(error) && !receiver.IsOpen && !_closing.IsCancellationRequested
                && (++drops <= 2 || _reader.Time.GetElapsedTime(started) < waitTime))
            {
                // The connection dropped mid-receive: the broker has put back whatever this channel took. Reconnect
                // after a moment, so a broker that is down is not hammered; a short poll still gets its attempt.
                await Task.Delay(TimeSpan.FromMilliseconds(100), _reader.Time, cancel).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException) when (_closing.IsCancellationRequested && !cancel.IsCancellationRequested)
            {
                throw new ObjectDisposedException(GetType().FullName);
            }

            // An empty long poll ends here: its wait ran out, it was cancelled, the source closed, or the channel
            // dropped while it waited (then it goes on with a new channel for the time left).
            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            cancel.ThrowIfCancellationRequested();
            if (_reader.Time.GetElapsedTime(started) >= waitTime)
            {
                return [];
            }
        }
    }

    public async ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandles);
        var tags = new List<ulong>(receiptHandles.Count);
        var receiver = Volatile.Read(ref _receiver);
        foreach (var handle in receiptHandles)
        {
            var (token, tag) = RabbitMqReceiptHandle.Parse(handle);
            // A handle of another channel (an older one of this queue, or another queue's) names nothing held here.
            if (receiver is not null && token == receiver.Token)
            {
                tags.Add(tag);
            }
        }

        cancel.ThrowIfCancellationRequested();
        return tags.Count == 0 ? 0 : await receiver!.AckAsync(tags).ConfigureAwait(false);
    }

    public async ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default)
    {
        var (token, tag) = RabbitMqReceiptHandle.Parse(receiptHandle);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        cancel.ThrowIfCancellationRequested();
        var receiver = Volatile.Read(ref _receiver);
        return receiver is not null && token == receiver.Token && await receiver.ChangeVisibilityAsync(tag, visibilityTimeout).ConfigureAwait(false);
    }

    /// <remarks>Not-visible counts only the deliveries this source holds, and delayed only the delay queues this
    /// process sent to: AMQP reports a queue's ready messages alone.</remarks>
    public async ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default)
    {
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        var (ready, delayed) = await _topology.CountAsync(cancel).ConfigureAwait(false);
        return new QueueStatistics(ready, Volatile.Read(ref _receiver)?.HeldCount ?? 0, delayed);
    }

    /// <summary>Closes this queue's channels: deliveries still held go back to the queue at once, as when a process stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        await _receiverGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_receiver is not null)
            {
                await _receiver.CloseAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _receiverGate.Release();
        }

        await _publisher.DisposeAsync().ConfigureAwait(false);
        await _topology.DisposeAsync().ConfigureAwait(false);
    }

    private Task ReadyAsync(CancellationToken cancel)
    {
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        return _topology.EnsureDeclaredAsync(cancel);
    }

    private async ValueTask<ReceiveChannel> ReceiverAsync(CancellationToken cancel)
    {
        var receiver = Volatile.Read(ref _receiver);
        if (receiver is { IsOpen: true })
        {
            return receiver;
        }

        await _receiverGate.WaitAsync(cancel).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            if (_receiver is { IsOpen: true })
            {
                return _receiver;
            }

            if (_receiver is not null)
            {
                await _receiver.CloseAsync().ConfigureAwait(false);
            }

            var connection = await _connection.GetAsync(cancel).ConfigureAwait(false);
            var opened = await ReceiveChannel.OpenAsync(connection, _reader, _maxHold, cancel).ConfigureAwait(false);
            Volatile.Write(ref _receiver, opened);
            return opened;
        }
        finally
        {
            _receiverGate.Release();
        }
    }
}
