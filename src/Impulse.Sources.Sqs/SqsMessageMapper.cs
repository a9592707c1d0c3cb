using System.Globalization;
using System.Text;
using SqsAttribute = Amazon.SQS.Model.MessageAttributeValue;
using SqsMessage = Amazon.SQS.Model.Message;

namespace Impulse.Sources.Sqs;

/// <summary>Converts between the queue contract's messages and the SQS SDK's, one to one.</summary>
internal static class SqsMessageMapper
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly IReadOnlyDictionary<string, MessageAttributeValue> NoAttributes = new Dictionary<string, MessageAttributeValue>(0);

    /// <summary>
    /// The body as SQS text. SQS carries text only, at least one character, of the characters XML allows; anything
    /// else is refused here, with the reason, rather than by the service with a vaguer one.
    /// </summary>
    public static string BodyText(ReadOnlyMemory<byte> body, string parameter)
    {
        if (body.IsEmpty)
        {
            throw new ArgumentException("SQS does not store empty message bodies: a body needs at least one character.", parameter);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body.Span);
        }
        catch (DecoderFallbackException error)
        {
            throw new ArgumentException("SQS message bodies are text: this body is not valid UTF-8. Encode binary payloads (base64, for example) before sending.", parameter, error);
        }

        foreach (var rune in text.EnumerateRunes())
        {
            if (!Allowed(rune.Value))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"SQS does not accept the character U+{rune.Value:X4} in a message body (allowed: tab, line feed, carriage return, U+0020 to U+D7FF, U+E000 to U+FFFD, U+10000 and above)."),
                    parameter);
            }
        }

        return text;
    }

    public static Dictionary<string, SqsAttribute>? Attributes(IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is not { Count: > 0 })
        {
            return null;
        }

        var converted = new Dictionary<string, SqsAttribute>(attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            converted[name] = new SqsAttribute
            {
                DataType = value.DataType,
                StringValue = value.StringValue,
                BinaryValue = value.BinaryValue is null ? null : new MemoryStream(value.BinaryValue, writable: false),
            };
        }

        return converted;
    }

    /// <summary>
    /// A received SQS message. The three system attributes every source reports become typed properties; every
    /// other one the service returned (DeadLetterQueueSourceArn, SenderId, AWSTraceHeader, ...) is kept as extra.
    /// </summary>
    public static ReceivedMessage Received(SqsMessage message, DateTimeOffset now)
    {
        var system = message.Attributes ?? [];
        var sent = Timestamp(system, SystemAttributeNames.SentTimestamp) ?? now;
        Dictionary<string, string>? extra = null;
        foreach (var (name, value) in system)
        {
            if (name is not (SystemAttributeNames.ApproximateReceiveCount or SystemAttributeNames.SentTimestamp or SystemAttributeNames.ApproximateFirstReceiveTimestamp))
            {
                (extra ??= new(StringComparer.Ordinal))[name] = value;
            }
        }

        return new ReceivedMessage
        {
            MessageId = message.MessageId,
            ReceiptHandle = message.ReceiptHandle,
            Body = Encoding.UTF8.GetBytes(message.Body ?? string.Empty),
            ReceiveCount = system.TryGetValue(SystemAttributeNames.ApproximateReceiveCount, out var count)
                && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1,
            SentTimestamp = sent,
            FirstReceiveTimestamp = Timestamp(system, SystemAttributeNames.ApproximateFirstReceiveTimestamp) ?? now,
            MessageAttributes = Attributes(message.MessageAttributes),
            ExtraAttributes = extra,
        };
    }

    private static IReadOnlyDictionary<string, MessageAttributeValue> Attributes(Dictionary<string, SqsAttribute>? attributes)
    {
        if (attributes is not { Count: > 0 })
        {
            return NoAttributes;
        }

        var converted = new Dictionary<string, MessageAttributeValue>(attributes.Count, StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            converted[name] = new MessageAttributeValue
            {
                DataType = value.DataType,
                StringValue = value.StringValue,
                BinaryValue = value.BinaryValue?.ToArray(),
            };
        }

        return converted;
    }

    private static DateTimeOffset? Timestamp(Dictionary<string, string> attributes, string name)
        => attributes.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    // The characters SQS allows in message bodies (the XML 1.0 character set).
    private static bool Allowed(int c)
        => c is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000;
}
