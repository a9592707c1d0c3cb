using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>
/// Writes a batch of stream records as the event Lambda's stream poller sends: a Kinesis event
/// (<c>Impulse.Events.KinesisEvent</c>) or a DynamoDB Streams event (<c>Impulse.Events.DynamoDbEvent</c>).
/// </summary>
internal static class StreamEventWriter
{
    /// <summary>The ARN a local stream reports as <c>eventSourceARN</c>.</summary>
    public static string ArnOf(StreamKind kind, string stream, string region, string accountId) => kind == StreamKind.Kinesis
        ? $"arn:aws:kinesis:{region}:{accountId}:stream/{stream}"
        // A table's stream is named by the table and the stream's creation time; the local one has a fixed label.
        : $"arn:aws:dynamodb:{region}:{accountId}:table/{stream}/stream/1970-01-01T00:00:00.000";

    public static ReadOnlyMemory<byte> Write(StreamKind kind, IReadOnlyList<StreamRecord> batch, string arn, string region, string accountId)
    {
        var buffer = new ArrayBufferWriter<byte>(512 + batch.Sum(r => r.Data.Length * 2));
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records"u8);
            foreach (var record in batch)
            {
                if (kind == StreamKind.Kinesis)
                    WriteKinesis(json, record, arn, region, accountId);
                else
                    WriteDynamoDb(json, record, arn, region);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void WriteKinesis(Utf8JsonWriter json, StreamRecord record, string arn, string region, string accountId)
    {
        json.WriteStartObject();
        json.WriteStartObject("kinesis"u8);
        json.WriteString("kinesisSchemaVersion"u8, "1.0"u8);
        json.WriteString("partitionKey"u8, record.PartitionKey);
        json.WriteString("sequenceNumber"u8, record.SequenceNumber);
        json.WriteBase64String("data"u8, record.Data.Span);
        json.WriteNumber("approximateArrivalTimestamp"u8, record.ArrivalTimestamp.ToUnixTimeMilliseconds() / 1000.0);
        json.WriteEndObject();
        json.WriteString("eventSource"u8, "aws:kinesis"u8);
        json.WriteString("eventVersion"u8, "1.0"u8);
        json.WriteString("eventID"u8, $"{record.Shard}:{record.SequenceNumber}");
        json.WriteString("eventName"u8, "aws:kinesis:record"u8);
        json.WriteString("invokeIdentityArn"u8, $"arn:aws:iam::{accountId}:role/lambda-role");
        json.WriteString("awsRegion"u8, region);
        json.WriteString("eventSourceARN"u8, arn);
        json.WriteEndObject();
    }

    /// <summary>
    /// A DynamoDB record's data is the change as JSON (<c>eventName</c>, <c>Keys</c>, <c>NewImage</c>, <c>OldImage</c>),
    /// as <see cref="DynamoDbChange"/> checks it at put time; the images are copied as they were put.
    /// </summary>
    private static void WriteDynamoDb(Utf8JsonWriter json, StreamRecord record, string arn, string region)
    {
        using var change = JsonDocument.Parse(record.Data);
        var root = change.RootElement;
        json.WriteStartObject();
        // A stable id per record, 32 hex digits as DynamoDB's are; a checksum, not security.
#pragma warning disable CA5351
        json.WriteString("eventID"u8, Convert.ToHexStringLower(MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{record.Shard}:{record.SequenceNumber}"))));
#pragma warning restore CA5351
        json.WriteString("eventName"u8, root.GetProperty("eventName"u8).GetString());
        json.WriteString("eventVersion"u8, "1.1"u8);
        json.WriteString("eventSource"u8, "aws:dynamodb"u8);
        json.WriteString("awsRegion"u8, region);
        json.WriteStartObject("dynamodb"u8);
        json.WriteNumber("ApproximateCreationDateTime"u8, record.ArrivalTimestamp.ToUnixTimeSeconds());
        foreach (var part in DynamoDbChange.Parts)
        {
            if (root.TryGetProperty(part, out var value) && value.ValueKind == JsonValueKind.Object)
            {
                json.WritePropertyName(part);
                value.WriteTo(json);
            }
        }

        json.WriteString("SequenceNumber"u8, record.SequenceNumber);
        json.WriteNumber("SizeBytes"u8, record.Data.Length);
        json.WriteString("StreamViewType"u8, StreamViewType(root));
        json.WriteEndObject();
        json.WriteString("eventSourceARN"u8, arn);
        json.WriteEndObject();
    }

    private static string StreamViewType(JsonElement change)
    {
        var hasNew = change.TryGetProperty("NewImage"u8, out _);
        var hasOld = change.TryGetProperty("OldImage"u8, out _);
        return (hasNew, hasOld) switch
        {
            (true, true) => "NEW_AND_OLD_IMAGES",
            (true, false) => "NEW_IMAGE",
            (false, true) => "OLD_IMAGE",
            _ => "KEYS_ONLY",
        };
    }
}

/// <summary>What a record put on a local DynamoDB stream holds: one change to one item, checked when it is put.</summary>
internal static class DynamoDbChange
{
    public static readonly string[] Parts = ["Keys", "NewImage", "OldImage"];

    private static readonly string[] EventNames = ["INSERT", "MODIFY", "REMOVE"];

    /// <summary>The partition key of the change: its <c>Keys</c> object as JSON, so one item's changes stay in order.</summary>
    /// <exception cref="ArgumentException">The data is not a change: not a JSON object, an unknown <c>eventName</c>,
    /// or <c>Keys</c> missing or not an object of attribute values.</exception>
    public static string Validate(ReadOnlyMemory<byte> data)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(data);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"A DynamoDB stream record must be a JSON change such as {Example}; this one is not JSON: {e.Message}", nameof(data), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ArgumentException($"A DynamoDB stream record must be a JSON object such as {Example}.", nameof(data));
            var name = root.TryGetProperty("eventName"u8, out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
            if (name is null || !EventNames.Contains(name, StringComparer.Ordinal))
                throw new ArgumentException($"A DynamoDB stream record's eventName must be INSERT, MODIFY or REMOVE, not '{name ?? "(missing)"}'.", nameof(data));
            foreach (var part in Parts)
            {
                if (root.TryGetProperty(part, out var value) && value.ValueKind != JsonValueKind.Object)
                    throw new ArgumentException($"A DynamoDB stream record's {part} must be an object of attribute values, such as {{\"id\":{{\"S\":\"42\"}}}}.", nameof(data));
            }

            if (!root.TryGetProperty("Keys"u8, out var keys) || !keys.EnumerateObject().Any())
                throw new ArgumentException("A DynamoDB stream record needs the item's Keys, such as {\"id\":{\"S\":\"42\"}}.", nameof(data));
            var key = keys.GetRawText();
            // Kinesis caps partition keys at 256 characters; a digest keeps a large key's changes on one shard all the same.
            return key.Length <= 256 ? key : Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        }
    }

    private const string Example = """{"eventName":"INSERT","Keys":{"id":{"S":"42"}},"NewImage":{"id":{"S":"42"}}}""";
}
