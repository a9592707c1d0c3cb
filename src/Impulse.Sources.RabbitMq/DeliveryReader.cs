using System.Collections.Concurrent;
using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// Turns AMQP deliveries of one queue into <see cref="ReceivedMessage"/>s. AMQP records no first-receive time, so
/// this remembers, per message id, when this process first received each message it still may see again.
/// </summary>
internal sealed class DeliveryReader(TimeProvider time)
{
    // Bounds memory when messages are redelivered elsewhere or dead-lettered and never deleted here.
    private const int MaxRemembered = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _firstReceived = new(StringComparer.Ordinal);

    public TimeProvider Time => time;

    public ReceivedMessage Read(string receiptHandle, bool redelivered, IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var now = time.GetUtcNow();
        var sent = MessageCodec.SentTimestamp(properties, now);
        var receiveCount = MessageCodec.ReceiveCount(properties, redelivered);
        // A publisher that sets no message id (another AMQP client) gets a fresh one per delivery: there is nothing
        // stable to derive it from.
        var id = properties.MessageId ?? Guid.CreateVersion7().ToString();
        var firstReceived = receiveCount == 1 ? now : sent;
        if (_firstReceived.Count >= MaxRemembered)
        {
            _firstReceived.Clear();
        }

        // The first time this process sees a redelivered message it was first received elsewhere, at a time no one
        // recorded: the sent time is the closest bound there is.
        firstReceived = _firstReceived.GetOrAdd(id, firstReceived);
        var deadLetteredFrom = MessageCodec.DeadLetteredFrom(properties);
        return new ReceivedMessage
        {
            MessageId = id,
            ReceiptHandle = receiptHandle,
            Body = body,
            ReceiveCount = receiveCount,
            SentTimestamp = sent,
            FirstReceiveTimestamp = firstReceived < sent ? sent : firstReceived,
            MessageAttributes = MessageCodec.Attributes(properties),
            ExtraAttributes = deadLetteredFrom is null
                ? null
                : new Dictionary<string, string>(1) { [SystemAttributeNames.DeadLetterQueueSourceArn] = deadLetteredFrom },
        };
    }

    /// <summary>Forgets a message that was deleted: it will not be received again.</summary>
    public void Forget(string messageId) => _firstReceived.TryRemove(messageId, out _);
}
