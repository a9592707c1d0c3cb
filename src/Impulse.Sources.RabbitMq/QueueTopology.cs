using System.Collections.Concurrent;
using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// Declares a queue, its dead-letter queue and its delay queues, and counts their messages.
/// </summary>
/// <remarks>
/// The queue is a quorum queue where the broker has them (3.8 and later): quorum queues count deliveries
/// (<c>x-delivery-count</c>, the receive count) and dead-letter a message returned more than <c>x-delivery-limit</c>
/// times, which is SQS's redrive. AMQP has no per-message delay, so a delayed message waits in a classic queue
/// per delay whose message TTL equals the delay and whose dead-letter route leads to the queue: every message in such
/// a queue waits equally long, so none blocks another behind it, and the queue deletes itself once unused.
/// </remarks>
internal sealed class QueueTopology : IAsyncDisposable
{
    // How long a delay queue outlives its last use. Each delayed send declares its delay queue again, which restarts
    // this clock, so the queue is never deleted while a message in it still waits (the wait is at most the delay).
    private const int DelayQueueIdleMs = 60_000;

    private static readonly Version Quorum = new(3, 8);
    private static readonly Version AtLeastOnceDeadLettering = new(3, 10);
    // From 4.0 a quorum queue without x-delivery-limit dead-letters or drops after 20 returns; -1 turns that off.
    private static readonly Version DefaultDeliveryLimit = new(4, 0);

    private readonly RabbitMqConnection _connection;
    private readonly RedrivePolicy? _redrive;
    private readonly ChannelSlot _channel;
    private readonly ConcurrentDictionary<string, byte> _delayQueues = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private Task? _declared;

    public QueueTopology(RabbitMqConnection connection, string name, RedrivePolicy? redrive)
    {
        _connection = connection;
        Name = name;
        _redrive = redrive;
        _channel = new ChannelSlot(connection, publisherConfirms: false);
    }

    public string Name { get; }

    /// <summary>The longest delay a delay queue can hold: TTL and expiry are 32-bit millisecond counts.</summary>
    public static TimeSpan MaxDelay { get; } = TimeSpan.FromMilliseconds(int.MaxValue - DelayQueueIdleMs);

    /// <summary>Declares the queue (and its dead-letter queue) once; a failed attempt is retried on the next call.</summary>
    public Task EnsureDeclaredAsync(CancellationToken cancel)
    {
        Task declared;
        lock (_lock)
        {
            if (_declared is null || _declared.IsFaulted || _declared.IsCanceled)
            {
                _declared = DeclareAsync();
            }

            declared = _declared;
        }

        return declared.IsCompletedSuccessfully ? declared : declared.WaitAsync(cancel);
    }

    /// <summary>Forgets that the queue was declared, after the broker said it is gone.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _declared = null;
        }
    }

    /// <summary>Declares the delay queue for <paramref name="delayMs"/> and returns its name.</summary>
    public async ValueTask<string> DeclareDelayQueueAsync(long delayMs, CancellationToken cancel)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{Name}.impulse-delay.{delayMs}");
        var arguments = new Dictionary<string, object?>
        {
            ["x-message-ttl"] = (int)delayMs,
            ["x-expires"] = (int)delayMs + DelayQueueIdleMs,
            ["x-dead-letter-exchange"] = string.Empty,
            ["x-dead-letter-routing-key"] = Name,
        };
        // Classic on purpose: quorum queues before 4.0 ignore x-expires, so unused delay queues would pile up.
        if (_connection.ServerVersion is null || _connection.ServerVersion >= Quorum)
        {
            arguments["x-queue-type"] = "classic";
        }

        await DeclareAsync(name, arguments, cancel).ConfigureAwait(false);
        _delayQueues.TryAdd(name, 0);
        return name;
    }

    /// <summary>Messages ready in the queue, and messages waiting in the delay queues this process used.</summary>
    public async ValueTask<(long Ready, long Delayed)> CountAsync(CancellationToken cancel)
    {
        await EnsureDeclaredAsync(cancel).ConfigureAwait(false);
        var ready = await CountAsync(Name, cancel).ConfigureAwait(false) ?? 0;
        long delayed = 0;
        foreach (var delayQueue in _delayQueues.Keys)
        {
            if (await CountAsync(delayQueue, cancel).ConfigureAwait(false) is { } waiting)
            {
                delayed += waiting;
            }
            else
            {
                _delayQueues.TryRemove(delayQueue, out _);
            }
        }

        return (ready, delayed);
    }

    public ValueTask DisposeAsync() => _channel.DisposeAsync();

    private async Task DeclareAsync()
    {
        // The version is known only once connected, and decides the queue type and arguments.
        await _connection.GetAsync(CancellationToken.None).ConfigureAwait(false);
        var version = _connection.ServerVersion;
        var quorum = version is null || version >= Quorum;
        if (_redrive is not null && !quorum)
        {
            throw new InvalidOperationException(
                $"Queue '{Name}' has a redrive policy, which needs quorum queues (RabbitMQ 3.8 or later); {_connection.Display} runs {version}.");
        }

        if (_redrive is not null)
        {
            // Declared only when missing: the dead-letter queue may be opened elsewhere with arguments of its own.
            if (await CountAsync(_redrive.DeadLetterQueue, CancellationToken.None).ConfigureAwait(false) is null)
            {
                await DeclareAsync(_redrive.DeadLetterQueue, PlainArguments(version, quorum), CancellationToken.None).ConfigureAwait(false);
            }
        }

        var arguments = PlainArguments(version, quorum);
        if (_redrive is not null)
        {
            // A quorum queue dead-letters a message when a return makes its delivery count exceed the limit: with
            // limit N-1 that is the return after the Nth delivery, so a message is received N times, as in SQS.
            arguments["x-delivery-limit"] = _redrive.MaxReceiveCount - 1;
            arguments["x-dead-letter-exchange"] = string.Empty;
            arguments["x-dead-letter-routing-key"] = _redrive.DeadLetterQueue;
            if (version is null || version >= AtLeastOnceDeadLettering)
            {
                // The broker keeps the message until the dead-letter queue confirmed it; needs reject-publish overflow.
                arguments["x-dead-letter-strategy"] = "at-least-once";
                arguments["x-overflow"] = "reject-publish";
            }
        }

        await DeclareAsync(Name, arguments, CancellationToken.None).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> PlainArguments(Version? version, bool quorum)
    {
        var arguments = new Dictionary<string, object?>();
        if (quorum)
        {
            arguments["x-queue-type"] = "quorum";
            if (version is not null && version >= DefaultDeliveryLimit)
            {
                arguments["x-delivery-limit"] = -1;
            }
        }

        return arguments;
    }

    private async ValueTask DeclareAsync(string queue, Dictionary<string, object?> arguments, CancellationToken cancel)
    {
        var channel = await _channel.GetAsync(cancel).ConfigureAwait(false);
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments, cancellationToken: cancel)
                .ConfigureAwait(false);
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
        {
            throw new InvalidOperationException(
                $"RabbitMQ queue '{queue}' already exists with other arguments than Impulse declares ({Describe(arguments)}), for example another " +
                $"queue type or redrive policy. RabbitMQ cannot change a queue's arguments: delete the queue, or declare the same policy. Broker: {error.ShutdownReason.ReplyText}",
                error);
        }
    }

    /// <summary>The ready count of <paramref name="queue"/>, or null when it does not exist.</summary>
    private async ValueTask<long?> CountAsync(string queue, CancellationToken cancel)
    {
        var channel = await _channel.GetAsync(cancel).ConfigureAwait(false);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancel).ConfigureAwait(false);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException error) when (error.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // The broker closed the channel with the 404; the slot opens a fresh one on the next call.
            return null;
        }
    }

    private static string Describe(Dictionary<string, object?> arguments)
        => arguments.Count == 0 ? "no arguments" : string.Join(", ", arguments.Select(pair => $"{pair.Key}={pair.Value}"));
}
