using System.Globalization;
using System.Text;

namespace Impulse.Sources;

/// <summary>One delivery of a message, as <see cref="IQueueSource.ReceiveAsync"/> returns it.</summary>
public sealed class ReceivedMessage
{
    private static readonly IReadOnlyDictionary<string, MessageAttributeValue> NoAttributes =
        new Dictionary<string, MessageAttributeValue>(0);

    private IReadOnlyDictionary<string, string>? _attributes;

    /// <summary>The message's id, the same on every delivery; the item identifier of a partial batch failure.</summary>
    public required string MessageId { get; init; }

    /// <summary>Names this delivery: pass it to <see cref="IQueueSource.DeleteAsync"/> or
    /// <see cref="IQueueSource.ChangeVisibilityAsync"/>. Opaque; its format belongs to the source.</summary>
    public required string ReceiptHandle { get; init; }

    /// <summary>The message body, as the sender wrote it.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>How many times the message has been received, this delivery included (SQS's <c>ApproximateReceiveCount</c>).</summary>
    public required int ReceiveCount { get; init; }

    /// <summary>When the source stored the message.</summary>
    public required DateTimeOffset SentTimestamp { get; init; }

    /// <summary>When the message was first received.</summary>
    public required DateTimeOffset FirstReceiveTimestamp { get; init; }

    /// <summary>The custom attributes the sender set, by name.</summary>
    public IReadOnlyDictionary<string, MessageAttributeValue> MessageAttributes { get; init; } = NoAttributes;

    /// <summary>System attributes beyond the ones every source reports (for example
    /// <see cref="SystemAttributeNames.DeadLetterQueueSourceArn"/>), or null for none.</summary>
    public IReadOnlyDictionary<string, string>? ExtraAttributes { get; init; }

    /// <summary>
    /// The system attributes as SQS names and formats them (numbers and Unix-millisecond timestamps as text):
    /// <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>ApproximateFirstReceiveTimestamp</c>, then
    /// <see cref="ExtraAttributes"/>. Built on first use, since most pollers read the typed properties instead.
    /// </summary>
    public IReadOnlyDictionary<string, string> Attributes => _attributes ??= BuildAttributes();

    /// <summary>The body decoded as UTF-8, as an SQS event carries it.</summary>
    public string GetBodyText() => Encoding.UTF8.GetString(Body.Span);

    private Dictionary<string, string> BuildAttributes()
    {
        var attributes = new Dictionary<string, string>(3 + (ExtraAttributes?.Count ?? 0), StringComparer.Ordinal)
        {
            [SystemAttributeNames.ApproximateReceiveCount] = ReceiveCount.ToString(CultureInfo.InvariantCulture),
            [SystemAttributeNames.SentTimestamp] = SentTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            [SystemAttributeNames.ApproximateFirstReceiveTimestamp] = FirstReceiveTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        if (ExtraAttributes is not null)
        {
            foreach (var (name, value) in ExtraAttributes)
            {
                attributes[name] = value;
            }
        }

        return attributes;
    }
}
