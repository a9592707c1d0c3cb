using System.Diagnostics;
using StackExchange.Redis;

namespace Impulse.Sources.Redis;

/// <summary>
/// One queue with SQS semantics on a Redis stream: every operation is one Lua script, so one round trip, and atomic
/// on the server (<see cref="QueueScripts"/> explains each). Opened by <see cref="RedisQueueSourceFactory"/>.
/// </summary>
/// <remarks>
/// Long polls do not use XREADGROUP's BLOCK: StackExchange.Redis multiplexes every caller over one connection, where a
/// blocking command would stall all of them, and a read outside a script could not set the message's visibility
/// deadline atomically with taking it. Instead a receive that finds nothing waits for a pub/sub wake-up (sends,
/// visibility set to zero, moves to a dead-letter queue), for the next hidden or delayed message to fall due, or for
/// <see cref="RedisQueueOptions.PollInterval"/>, whichever comes first, and tries again.
/// </remarks>
public sealed class RedisQueueSource : IQueueSource
{
    // Beyond SQS's limits (12 hours, 15 minutes) on purpose, for local experiments; bounded so milliseconds never overflow.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(365);

    private readonly IDatabaseAsync _database;
    private readonly ISubscriber _subscriber;
    private readonly QueueKeys _keys;
    private readonly QueueKeys? _deadLetter;
    private readonly RedrivePolicy? _redrive;
    private readonly RedisQueueOptions _options;
    private readonly WakeSignal _wake = new();
    private readonly Action<RedisChannel, RedisValue> _onWake;
    private readonly CancellationTokenSource _closing;
    private readonly CancellationToken _closingToken;
    private readonly Lock _gate = new();
    private Task? _subscribed;
    private int _disposed;

    internal RedisQueueSource(
        IConnectionMultiplexer connection,
        QueueKeys keys,
        RedrivePolicy? redrive,
        QueueKeys? deadLetter,
        RedisQueueOptions options,
        CancellationToken factoryClosing)
    {
        _database = connection.GetDatabase();
        _subscriber = connection.GetSubscriber();
        _keys = keys;
        _redrive = redrive;
        _deadLetter = deadLetter;
        _options = options;
        _onWake = (_, _) => _wake.Pulse();
        _closing = CancellationTokenSource.CreateLinkedTokenSource(factoryClosing);
        // Kept apart from the source, which is disposed on close: a token stays readable after that.
        _closingToken = _closing.Token;
        // Unique per source instance, so XINFO CONSUMERS and XPENDING tell which process holds which message.
        ConsumerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
    }

    /// <inheritdoc/>
    public string Name => _keys.Name;

    /// <summary>This source's consumer in the group, as XINFO CONSUMERS and XPENDING show it.</summary>
    public string ConsumerName { get; }

    /// <inheritdoc/>
    public async ValueTask<string> SendAsync(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default)
    {
        var ids = await SendBatchAsync([new OutgoingMessage(body, attributes, delay)], cancel).ConfigureAwait(false);
        return ids[0];
    }

    /// <inheritdoc/>
    /// <remarks>The batch is one script, so it is stored whole or not at all.</remarks>
    public async ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var values = new RedisValue[2 + (messages.Count * 4)];
        values[0] = _options.ConsumerGroup;
        values[1] = _keys.WakeChannelName;
        var ids = new string[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            var delay = message.Delay ?? TimeSpan.Zero;
            CheckTimeout(delay, nameof(messages));
            // A random UUID, as SQS gives: it stays the message's id in a dead-letter queue, where the entry id changes.
            ids[i] = Guid.NewGuid().ToString();
            values[2 + (i * 4)] = ids[i];
            values[3 + (i * 4)] = message.Body;
            values[4 + (i * 4)] = MessageAttributeCodec.Encode(message.Attributes) ?? "";
            values[5 + (i * 4)] = (long)delay.TotalMilliseconds;
        }

        if (messages.Count == 0)
        {
            return [];
        }

        ThrowIfClosed();
        // Once sent, a send is not withdrawn: reporting it cancelled after it was stored would invite a duplicate.
        cancel.ThrowIfCancellationRequested();
        await EvaluateAsync(QueueScripts.Send, [_keys.Stream, _keys.Delayed], values).ConfigureAwait(false);
        return ids;
    }

    /// <inheritdoc/>
    public async ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        TimeSpan waitTime,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        CheckTimeout(visibilityTimeout, nameof(visibilityTimeout));
        CheckTimeout(waitTime, nameof(waitTime));
        ThrowIfClosed();
        var started = Stopwatch.GetTimestamp();
        if (waitTime > TimeSpan.Zero)
        {
            // Subscribed before the first attempt, so a send between that attempt and the wait is not missed.
            await EnsureSubscribedAsync().ConfigureAwait(false);
        }

        var keys = new[] { _keys.Stream, _keys.Delayed, _keys.Visibility, _keys.Receipts, _deadLetter?.Stream ?? _keys.Stream };
        var values = new RedisValue[]
        {
            _options.ConsumerGroup,
            ConsumerName,
            maxMessages,
            (long)visibilityTimeout.TotalMilliseconds,
            "",
            _redrive?.MaxReceiveCount ?? 0,
            _keys.Name,
            _deadLetter?.WakeChannelName ?? "",
        };
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            ThrowIfClosed();
            var woken = _wake.Next;
            var token = ReceiptHandle.NewToken();
            values[4] = token;
            // Not cancellable once sent: what the script took is returned, never dropped (the interface's promise).
            var result = await EvaluateAsync(QueueScripts.Receive, keys, values).ConfigureAwait(false);
            var (messages, now, next) = ReceiveResult.Read(result, token);
            if (messages.Count > 0)
            {
                return messages;
            }

            var remaining = waitTime - Stopwatch.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return [];
            }

            var sleep = remaining < _options.PollInterval ? remaining : _options.PollInterval;
            if (next >= 0)
            {
                // Server time on both sides, so the clocks of this machine and the server's need not agree.
                var due = TimeSpan.FromMilliseconds(Math.Max(1, next - now));
                sleep = due < sleep ? due : sleep;
            }

            await WaitAsync(woken, sleep, cancel).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandles);
        var values = new RedisValue[1 + (receiptHandles.Count * 2)];
        values[0] = _options.ConsumerGroup;
        for (var i = 0; i < receiptHandles.Count; i++)
        {
            var (entryId, token) = ReceiptHandle.Parse(receiptHandles[i]);
            values[1 + (i * 2)] = entryId;
            values[2 + (i * 2)] = token;
        }

        if (receiptHandles.Count == 0)
        {
            return 0;
        }

        ThrowIfClosed();
        cancel.ThrowIfCancellationRequested();
        var result = await EvaluateAsync(QueueScripts.Delete, [_keys.Stream, _keys.Visibility, _keys.Receipts], values).ConfigureAwait(false);
        return (int)result;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default)
    {
        var (entryId, token) = ReceiptHandle.Parse(receiptHandle);
        CheckTimeout(visibilityTimeout, nameof(visibilityTimeout));
        ThrowIfClosed();
        cancel.ThrowIfCancellationRequested();
        var result = await EvaluateAsync(
            QueueScripts.ChangeVisibility,
            [_keys.Visibility, _keys.Receipts],
            [entryId, token, (long)visibilityTimeout.TotalMilliseconds, _keys.WakeChannelName]).ConfigureAwait(false);
        return (int)result == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default)
    {
        ThrowIfClosed();
        cancel.ThrowIfCancellationRequested();
        var result = (long[])(await EvaluateAsync(QueueScripts.Statistics, [_keys.Stream, _keys.Delayed, _keys.Visibility], [_options.ConsumerGroup]).ConfigureAwait(false))!;
        return new QueueStatistics(result[0], result[1], result[2]);
    }

    /// <summary>Ends waiting receives with <see cref="ObjectDisposedException"/>, stops listening for wake-ups and
    /// removes this source's consumer from the group if it holds no message. The connection belongs to the factory.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        Task? subscribed;
        lock (_gate)
        {
            subscribed = _subscribed;
            _subscribed = null;
        }

        try
        {
            if (subscribed is not null)
            {
                await _subscriber.UnsubscribeAsync(_keys.WakeChannel, _onWake).ConfigureAwait(false);
            }

            await QueueScripts.ReleaseConsumer.EvaluateAsync(_database, [_keys.Stream], [_options.ConsumerGroup, ConsumerName]).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // Best effort: a server that is gone keeps at worst an idle consumer name, which holds no message.
        }

        // Unregisters from the factory's token, which may outlive this source by far.
        _closing.Dispose();
    }

    private Task EnsureSubscribedAsync()
    {
        lock (_gate)
        {
            // Checked under the lock that DisposeAsync takes, so no subscription outlives the source.
            ThrowIfClosed();
            if (_subscribed is null || _subscribed.IsFaulted || _subscribed.IsCanceled)
            {
                _subscribed = _subscriber.SubscribeAsync(_keys.WakeChannel, _onWake);
            }

            return _subscribed;
        }
    }

    /// <summary>Runs a script; a group destroyed by hand (NOGROUP) is created again and the script retried once.</summary>
    /// <remarks>Retrying is safe: a script that fails on NOGROUP did so at its first group command, and what it wrote
    /// before (delayed messages moved into the stream) is what the retry would write anyway.</remarks>
    private async Task<RedisResult> EvaluateAsync(ServerScript script, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await script.EvaluateAsync(_database, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            await CreateGroupAsync(_keys.Stream).ConfigureAwait(false);
            if (_deadLetter is not null)
            {
                await CreateGroupAsync(_deadLetter.Stream).ConfigureAwait(false);
            }

            return await script.EvaluateAsync(_database, keys, values).ConfigureAwait(false);
        }
    }

    private async Task CreateGroupAsync(RedisKey stream)
    {
        try
        {
            // At id 0, so messages already in the stream are delivered.
            await _database.StreamCreateConsumerGroupAsync(stream, _options.ConsumerGroup, StreamPosition.Beginning, createStream: true).ConfigureAwait(false);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another process created it first.
        }
    }

    /// <summary>Waits for a wake-up, the timeout or the source closing, whichever comes first.</summary>
    private async Task WaitAsync(Task woken, TimeSpan timeout, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closingToken);
        var delay = Task.Delay(timeout, stop.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        // Releases the timer when woken early; a cancelled delay raises nothing unobserved.
        await stop.CancelAsync().ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
        ThrowIfClosed();
    }

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(_closingToken.IsCancellationRequested, this);

    private static void CheckTimeout(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxTimeout, name);
    }
}
