using System.Text;

namespace Impulse.Sources;

/// <summary>One message to send with <see cref="IQueueSource.SendBatchAsync"/>.</summary>
/// <param name="Body">The message body; SQS-compatible payloads are UTF-8 text.</param>
/// <param name="Attributes">Custom message attributes, or null for none.</param>
/// <param name="Delay">How long the message stays invisible after it is stored; null or zero for none.</param>
public readonly record struct OutgoingMessage(
    ReadOnlyMemory<byte> Body,
    IReadOnlyDictionary<string, MessageAttributeValue>? Attributes = null,
    TimeSpan? Delay = null)
{
    /// <summary>A message whose body is <paramref name="body"/> encoded as UTF-8.</summary>
    public static OutgoingMessage FromText(string body, IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null, TimeSpan? delay = null)
        => new(Encoding.UTF8.GetBytes(body), attributes, delay);
}
