using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Impulse.Sources;

/// <summary>
/// Stores custom message attributes as a small JSON object, readable with any database shell or redis-cli:
/// <c>{"name":{"DataType":"String","StringValue":"x"}}</c>, binary values in base64. Written and read by hand,
/// with no reflection, so it stays trim- and AOT-safe. Sources that keep messages in a store of their own
/// (the embedded queue, Redis) share this one format.
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class MessageAttributeCodec
{
    private static readonly IReadOnlyDictionary<string, MessageAttributeValue> None = new Dictionary<string, MessageAttributeValue>(0);

    /// <summary>The attributes as JSON text, or null when there are none.</summary>
    public static string? Encode(IReadOnlyDictionary<string, MessageAttributeValue>? attributes)
    {
        if (attributes is null || attributes.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in attributes)
            {
                ArgumentNullException.ThrowIfNull(value, $"attributes[{name}]");
                writer.WriteStartObject(name);
                writer.WriteString("DataType", value.DataType);
                if (value.StringValue is not null)
                {
                    writer.WriteString("StringValue", value.StringValue);
                }

                if (value.BinaryValue is { } binary)
                {
                    writer.WriteBase64String("BinaryValue", binary);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The attributes <see cref="Encode"/> wrote; empty for null or empty text.</summary>
    public static IReadOnlyDictionary<string, MessageAttributeValue> Decode(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return None;
        }

        var attributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        Expect(ref reader, JsonTokenType.StartObject);
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            Expect(ref reader, JsonTokenType.StartObject);
            string? dataType = null, stringValue = null;
            byte[]? binaryValue = null;
            while (Next(ref reader) == JsonTokenType.PropertyName)
            {
                var field = reader.GetString();
                Next(ref reader);
                switch (field)
                {
                    case "DataType": dataType = reader.GetString(); break;
                    case "StringValue": stringValue = reader.GetString(); break;
                    case "BinaryValue": binaryValue = reader.GetBytesFromBase64(); break;
                    default: reader.Skip(); break;
                }
            }

            attributes[name] = new MessageAttributeValue
            {
                DataType = dataType ?? "String",
                StringValue = stringValue,
                BinaryValue = binaryValue,
            };
        }

        return attributes;
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
        => reader.Read() ? reader.TokenType : throw new InvalidDataException("Stored message attributes end early.");

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (Next(ref reader) != type)
        {
            throw new InvalidDataException($"Stored message attributes have {reader.TokenType} where {type} belongs.");
        }
    }
}
