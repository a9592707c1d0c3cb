using System.Buffers;
using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Impulse.Dispatch;

/// <summary>
/// Reads events and writes results for generated invokers. Only AOT-safe paths: a JSON string,
/// a raw <see cref="JsonElement"/>, or a <see cref="JsonTypeInfo{T}"/> from a user serializer context.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class FunctionJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    /// <summary>The type info a serializer context holds for <typeparamref name="T"/>; fails at start-up if it holds none.</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerContext context) =>
        context.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{context.GetType().Name} has no [JsonSerializable(typeof({typeof(T).Name}))].");

    /// <summary>Reads the payload as a JSON string.</summary>
    public static string ReadString(ReadOnlySpan<byte> payload, bool allowsNull) =>
        ReadWith(payload, static (ref Utf8JsonReader reader) =>
            reader.TokenType == JsonTokenType.Null ? null! : Impulse.Serialization.JsonRead.String(ref reader)!, allowsNull);

    /// <summary>Reads the payload as any JSON value, kept as a detached element whose text has been checked.</summary>
    public static JsonElement ReadElement(ReadOnlyMemory<byte> payload) =>
        ReadWith(payload.Span, static (ref Utf8JsonReader reader) => Impulse.Serialization.JsonRead.Element(ref reader), allowsNull: true);

    /// <summary>Reads the payload with a serializer context's type info.</summary>
    public static T Read<T>(ReadOnlySpan<byte> payload, JsonTypeInfo<T> typeInfo, bool allowsNull)
    {
        if (payload.IsEmpty)
            throw new EventReadException($"The event is empty; expected JSON for {typeof(T).Name}.", "$");
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (JsonException e)
        {
            throw new EventReadException($"The event is not a valid {typeof(T).Name}: {FirstSentence(e.Message)}", e.Path ?? "$", e);
        }
        return value ?? (allowsNull ? default! : throw NullEvent(typeof(T).Name));
    }

    /// <summary>
    /// Reads the payload with a generated reader: exactly one JSON value (trailing data is an error),
    /// at most 64 levels deep, every failure reported with its JSON path.
    /// </summary>
    public static T ReadWith<T>(ReadOnlySpan<byte> payload, Impulse.Serialization.JsonValueReader<T> read, bool allowsNull)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = MaxDepth });
        T value;
        try
        {
            if (!reader.Read())
                throw new EventReadException($"The event is empty; expected JSON for {typeof(T).Name}.", "$");
            value = read(ref reader);
            if (reader.Read())
                throw new EventReadException($"Unexpected {Describe(reader.TokenType)} after the event.", "$");
        }
        catch (Impulse.Serialization.JsonReadError e)
        {
            throw new EventReadException(e.Message, e.Path, e);
        }
        catch (InvalidOperationException e)
        {
            throw new EventReadException($"The event's text is not valid Unicode: {e.Message}", "$", e);
        }
        catch (JsonException e)
        {
            throw new EventReadException($"The event is not valid JSON: {FirstSentence(e.Message)}", "$", e);
        }
        return value ?? (allowsNull ? default! : throw NullEvent(typeof(T).Name));
    }

    /// <summary>Writes a result with a generated writer, straight into <paramref name="output"/>.</summary>
    public static void WriteWith<T>(IBufferWriter<byte> output, T? value, Impulse.Serialization.JsonValueWriter<T> write)
    {
        var writer = new Impulse.Serialization.JsonOutput(output);
        if (value is null)
            writer.WriteNull();
        else
            write(ref writer, value);
        writer.Flush();
    }

    /// <summary>How deep an event may nest; deeper input is an error rather than a stack risk.</summary>
    public const int MaxDepth = 64;

    /// <summary>Writes a string result as a JSON string.</summary>
    public static void WriteString(IBufferWriter<byte> output, string? value)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }

    /// <summary>Writes a raw JSON result.</summary>
    public static void WriteElement(IBufferWriter<byte> output, JsonElement value)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (value.ValueKind == JsonValueKind.Undefined)
            writer.WriteNullValue();
        else
            value.WriteTo(writer);
    }

    /// <summary>Writes a result with a serializer context's type info.</summary>
    public static void Write<T>(IBufferWriter<byte> output, T? value, JsonTypeInfo<T> typeInfo)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        if (value is null)
            writer.WriteNullValue();
        else
            JsonSerializer.Serialize(writer, value, typeInfo);
    }

    private static EventReadException NullEvent(string typeName) =>
        new($"The event is null, but the handler takes a non-nullable {typeName}.", "$");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    // System.Text.Json appends path and position details we already report separately.
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }
}
