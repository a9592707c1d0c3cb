using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Impulse.Sources;

namespace Impulse.Hosting.Polling;

/// <summary>Writes a batch of received messages as the SQS event Lambda's poller sends (<c>Impulse.Events.SqsEvent</c>).</summary>
internal static class SqsEventWriter
{
    /// <summary>The ARN a local queue reports as <c>eventSourceARN</c>.</summary>
    public static string ArnOf(string queue, string region, string accountId) => $"arn:aws:sqs:{region}:{accountId}:{queue}";

    public static ReadOnlyMemory<byte> Write(IReadOnlyList<ReceivedMessage> batch, string queueArn, string region)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + batch.Sum(m => m.Body.Length * 2));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records"u8);
            foreach (var message in batch)
                WriteRecord(json, message, queueArn, region);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WriteRecord(Utf8JsonWriter json, ReceivedMessage message, string queueArn, string region)
    {
        json.WriteStartObject();
        json.WriteString("messageId"u8, message.MessageId);
        json.WriteString("receiptHandle"u8, message.ReceiptHandle);
        json.WriteString("body"u8, message.GetBodyText());
        json.WriteStartObject("attributes"u8);
        foreach (var (name, value) in message.Attributes)
            json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteStartObject("messageAttributes"u8);
        foreach (var (name, value) in message.MessageAttributes)
        {
            // Lambda writes the list fields even though SQS never fills them.
            json.WriteStartObject(name);
            if (value.StringValue is not null)
                json.WriteString("stringValue"u8, value.StringValue);
            if (value.BinaryValue is not null)
                json.WriteBase64String("binaryValue"u8, value.BinaryValue);
            json.WriteStartArray("stringListValues"u8);
            json.WriteEndArray();
            json.WriteStartArray("binaryListValues"u8);
            json.WriteEndArray();
            json.WriteString("dataType"u8, value.DataType);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        // SQS's body digest is MD5 as hex, a checksum rather than security.
#pragma warning disable CA5351
        json.WriteString("md5OfBody"u8, Convert.ToHexStringLower(MD5.HashData(message.Body.Span)));
#pragma warning restore CA5351
        json.WriteString("eventSource"u8, "aws:sqs"u8);
        json.WriteString("eventSourceARN"u8, queueArn);
        json.WriteString("awsRegion"u8, region);
        json.WriteEndObject();
    }
}
