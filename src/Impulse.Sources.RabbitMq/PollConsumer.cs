using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// A consumer that lives for one long-polling receive, until its first delivery or the end of the wait. Every
/// delivery it gets is returned to the caller; with prefetch 1 there is at most one, barring a race at cancel.
/// </summary>
internal sealed class PollConsumer(ReceiveChannel owner, IChannel channel, TimeSpan visibilityTimeout) : AsyncDefaultBasicConsumer(channel)
{
    private readonly List<ReceivedMessage> _messages = [];
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first delivery, or when the consumer or its channel ends.</summary>
    public Task FirstDelivery => _first.Task;

    /// <summary>
    /// Completes once the client has dispatched cancel-ok (or the channel closed). Deliveries and cancel-ok are
    /// dispatched in order, but <c>BasicCancelAsync</c> returns before that, so waiting here is what guarantees that
    /// no delivery is still on its way to <see cref="HandleBasicDeliverAsync"/>.
    /// </summary>
    public Task Finished => _finished.Task;

    public IReadOnlyList<ReceivedMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public override Task HandleBasicDeliverAsync(
        string consumerTag,
        ulong deliveryTag,
        bool redelivered,
        string exchange,
        string routingKey,
        IReadOnlyBasicProperties properties,
        ReadOnlyMemory<byte> body,
        CancellationToken cancellationToken = default)
    {
        // The client reuses the body's buffer once this returns.
        if (owner.Hold(deliveryTag, redelivered, properties, body.ToArray(), visibilityTimeout) is { } message)
        {
            lock (_messages)
            {
                _messages.Add(message);
            }

            _first.TrySetResult();
        }

        return Task.CompletedTask;
    }

    public override async Task HandleBasicCancelOkAsync(string consumerTag, CancellationToken cancellationToken = default)
    {
        await base.HandleBasicCancelOkAsync(consumerTag, cancellationToken).ConfigureAwait(false);
        End();
    }

    /// <summary>The broker cancelled the consumer, for example because the queue was deleted.</summary>
    public override async Task HandleBasicCancelAsync(string consumerTag, CancellationToken cancellationToken = default)
    {
        await base.HandleBasicCancelAsync(consumerTag, cancellationToken).ConfigureAwait(false);
        End();
    }

    public override async Task HandleChannelShutdownAsync(object channel, ShutdownEventArgs reason)
    {
        await base.HandleChannelShutdownAsync(channel, reason).ConfigureAwait(false);
        End();
    }

    private void End()
    {
        _first.TrySetResult();
        _finished.TrySetResult();
    }
}
