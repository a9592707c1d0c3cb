using System.Globalization;
using System.Text;
using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq;

/// <summary>
/// Maps messages onto AMQP 0-9-1 properties and headers and back. SQS's typed attributes travel in one header table,
/// so they never mix with the broker's own <c>x-</c> headers (<c>x-delivery-count</c>, <c>x-death</c>).
/// </summary>
internal static class MessageCodec
{
    /// <summary>Custom attributes: a table of name → {DataType, Value}.</summary>
    public const string AttributesHeader = "x-impulse-attributes";

    /// <summary>When the message was sent, in Unix milliseconds: AMQP's own timestamp property has only seconds.</summary>
    public const string SentAtHeader = "x-impulse-sent-at";

    /// <summary>Set by quorum queues on every delivery: how many times the message was returned before.</summary>
    public const string DeliveryCountHeader = "x-delivery-count";

    private const string DataTypeKey = "DataType";
    private const string ValueKey = "Value";

    private static readonly IReadOnlyDictionary<string, MessageAttributeValue> NoAttributes = new Dictionary<string, MessageAttributeValue>(0);

    public static BasicProperties Properties(string id, IReadOnlyDictionary<string, MessageAttributeValue>? attributes, DateTimeOffset now)
    {
        var headers = new Dictionary<string, object?>(2) { [SentAtHeader] = now.ToUnixTimeMilliseconds() };
        if (attributes is { Count: > 0 })
        {
            var table = new Dictionary<string, object?>(attributes.Count, StringComparer.Ordinal);
            foreach (var (name, value) in attributes)
            {
                ArgumentNullException.ThrowIfNull(value, nameof(attributes));
                table[name] = new Dictionary<string, object?>(2)
                {
                    [DataTypeKey] = value.DataType,
                    // AMQP long strings carry bytes: text is written as UTF-8, binary as is.
                    [ValueKey] = value.BinaryValue ?? (object?)value.StringValue,
                };
            }

            headers[AttributesHeader] = table;
        }

        return new BasicProperties
        {
            MessageId = id,
            Persistent = true,
            Timestamp = new AmqpTimestamp(now.ToUnixTimeSeconds()),
            Headers = headers,
        };
    }

    /// <summary>How many times the message has been delivered, this delivery included.</summary>
    public static int ReceiveCount(IReadOnlyBasicProperties properties, bool redelivered)
        => ReadLong(properties.Headers, DeliveryCountHeader) is { } returned
            ? (int)Math.Min(int.MaxValue - 1, returned) + 1
            // Classic queues keep no count, only whether the message was delivered before.
            : redelivered ? 2 : 1;

    public static DateTimeOffset SentTimestamp(IReadOnlyBasicProperties properties, DateTimeOffset fallback)
    {
        if (ReadLong(properties.Headers, SentAtHeader) is { } ms)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        return properties.IsTimestampPresent() && properties.Timestamp.UnixTime > 0
            ? DateTimeOffset.FromUnixTimeSeconds(properties.Timestamp.UnixTime)
            : fallback;
    }

    /// <summary>
    /// The custom attributes: Impulse's own table, plus plain headers of other publishers as <c>String</c> or
    /// <c>Number</c> attributes, so a message published by any AMQP client still shows its headers to the handler.
    /// </summary>
    public static IReadOnlyDictionary<string, MessageAttributeValue> Attributes(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers is not { Count: > 0 } headers)
        {
            return NoAttributes;
        }

        Dictionary<string, MessageAttributeValue>? attributes = null;
        foreach (var (name, value) in headers)
        {
            if (name == AttributesHeader && value is IDictionary<string, object?> table)
            {
                foreach (var (attribute, typed) in table)
                {
                    if (typed is IDictionary<string, object?> entry && Text(entry.TryGetValue(DataTypeKey, out var type) ? type : null) is { } dataType)
                    {
                        entry.TryGetValue(ValueKey, out var raw);
                        (attributes ??= new(StringComparer.Ordinal))[attribute] = dataType.StartsWith("Binary", StringComparison.Ordinal)
                            ? new MessageAttributeValue { DataType = dataType, BinaryValue = raw as byte[] ?? [] }
                            : new MessageAttributeValue { DataType = dataType, StringValue = Text(raw) ?? string.Empty };
                    }
                }
            }
            else if (!name.StartsWith("x-", StringComparison.Ordinal) && Foreign(value) is { } foreign)
            {
                (attributes ??= new(StringComparer.Ordinal)).TryAdd(name, foreign);
            }
        }

        return attributes ?? NoAttributes;
    }

    /// <summary>
    /// The queue a dead-lettered message came from: the <c>x-death</c> entry whose reason is <c>delivery_limit</c>.
    /// Other entries (reason <c>expired</c>) are the delay queues a delayed message passed through.
    /// </summary>
    public static string? DeadLetteredFrom(IReadOnlyBasicProperties properties)
    {
        if (properties.Headers?.TryGetValue("x-death", out var deaths) == true && deaths is IEnumerable<object?> entries)
        {
            foreach (var entry in entries)
            {
                if (entry is IDictionary<string, object?> death
                    && death.TryGetValue("reason", out var reason) && Text(reason) == "delivery_limit"
                    && death.TryGetValue("queue", out var queue))
                {
                    return Text(queue);
                }
            }
        }

        return null;
    }

    private static MessageAttributeValue? Foreign(object? value) => value switch
    {
        byte[] bytes => MessageAttributeValue.String(Encoding.UTF8.GetString(bytes)),
        string text => MessageAttributeValue.String(text),
        bool flag => MessageAttributeValue.String(flag ? "true" : "false"),
        sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal
            => MessageAttributeValue.Number(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        _ => null,
    };

    private static string? Text(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => null,
    };

    private static long? ReadLong(IDictionary<string, object?>? headers, string name)
        => headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                long l => l,
                int i => i,
                short s => s,
                byte b => b,
                sbyte sb => sb,
                uint ui => ui,
                ulong ul when ul <= long.MaxValue => (long)ul,
                _ => null,
            }
            : null;
}
