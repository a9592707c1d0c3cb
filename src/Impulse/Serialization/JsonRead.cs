using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>
/// Reads one scalar at the reader's current token for generated readers, checking its token type and
/// range and raising a <see cref="JsonReadError"/> that says what was expected.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>Reads a string or null.</summary>
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => Text(ref reader),
        JsonTokenType.Null => null,
        _ => throw Expected("a string", ref reader),
    };

    /// <summary>Reads a property name or string token as text, failing cleanly on invalid UTF-8 or a lone surrogate escape.</summary>
    public static string Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && Plain(reader.ValueSpan) is { } plain)
            return plain;
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw InvalidText(e);
        }
    }

    /// <summary>
    /// The string of an unescaped token's bytes when they are all ASCII (most event text): one check and one
    /// widening copy, without the UTF-8 decoder's layers. Null for anything else, which goes through
    /// <see cref="Text"/> and its checks.
    /// </summary>
    public static string? Plain(ReadOnlySpan<byte> bytes) =>
        System.Text.Ascii.IsValid(bytes) ? System.Text.Encoding.Latin1.GetString(bytes) : null;

    /// <summary>The error for text that is not valid Unicode: invalid UTF-8, or an escaped surrogate with no pair.</summary>
    public static JsonReadError InvalidText(InvalidOperationException exception) =>
        new($"The text is not valid Unicode: {exception.Message}", exception);

    /// <summary>The error for a property name that is not valid UTF-8; names that match a property are valid by construction.</summary>
    public static JsonReadError InvalidName() => new("A property name is not valid UTF-8.");

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => throw Expected("true or false", ref reader),
    };

    /// <summary>Reads a number that fits <see cref="int"/>.</summary>
    public static int Int32(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetInt32(out var value) ? value : throw OutOfRange("a whole number from -2147483648 to 2147483647", ref reader);

    /// <summary>Reads a number that fits <see cref="long"/>.</summary>
    public static long Int64(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetInt64(out var value) ? value : throw OutOfRange("a whole number that fits a 64-bit integer", ref reader);

    /// <summary>Reads a number that fits <see cref="short"/>.</summary>
    public static short Int16(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetInt16(out var value) ? value : throw OutOfRange("a whole number from -32768 to 32767", ref reader);

    /// <summary>Reads a number that fits <see cref="byte"/>.</summary>
    public static byte Byte(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetByte(out var value) ? value : throw OutOfRange("a whole number from 0 to 255", ref reader);

    /// <summary>Reads a number that fits <see cref="sbyte"/>.</summary>
    public static sbyte SByte(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetSByte(out var value) ? value : throw OutOfRange("a whole number from -128 to 127", ref reader);

    /// <summary>Reads a number that fits <see cref="ushort"/>.</summary>
    public static ushort UInt16(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetUInt16(out var value) ? value : throw OutOfRange("a whole number from 0 to 65535", ref reader);

    /// <summary>Reads a number that fits <see cref="uint"/>.</summary>
    public static uint UInt32(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetUInt32(out var value) ? value : throw OutOfRange("a whole number from 0 to 4294967295", ref reader);

    /// <summary>Reads a number that fits <see cref="ulong"/>.</summary>
    public static ulong UInt64(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetUInt64(out var value) ? value : throw OutOfRange("a whole number that fits an unsigned 64-bit integer", ref reader);

    /// <summary>Reads a finite number as <see cref="double"/>.</summary>
    public static double Double(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw OutOfRange("a finite number", ref reader);

    /// <summary>Reads a finite number as <see cref="float"/>.</summary>
    public static float Single(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetSingle(out var value) && float.IsFinite(value) ? value : throw OutOfRange("a number that fits a float", ref reader);

    /// <summary>Reads a number as <see cref="decimal"/>.</summary>
    public static decimal Decimal(ref Utf8JsonReader reader) =>
        Number(ref reader) && reader.TryGetDecimal(out var value) ? value : throw OutOfRange("a number that fits a decimal", ref reader);

    /// <summary>Reads an ISO 8601 date and time.</summary>
    public static DateTime DateTime(ref Utf8JsonReader reader) =>
        IsText(ref reader, "an ISO 8601 date and time") && TryText(ref reader, static (ref Utf8JsonReader r, out DateTime v) => r.TryGetDateTime(out v), out var value)
            ? value
            : throw Invalid("an ISO 8601 date and time", ref reader);

    /// <summary>Reads an ISO 8601 date and time with offset.</summary>
    public static DateTimeOffset DateTimeOffset(ref Utf8JsonReader reader) =>
        IsText(ref reader, "an ISO 8601 date and time") && TryText(ref reader, static (ref Utf8JsonReader r, out DateTimeOffset v) => r.TryGetDateTimeOffset(out v), out var value)
            ? value
            : throw Invalid("an ISO 8601 date and time", ref reader);

    /// <summary>Reads a GUID.</summary>
    public static Guid Guid(ref Utf8JsonReader reader) =>
        IsText(ref reader, "a GUID") && TryText(ref reader, static (ref Utf8JsonReader r, out Guid v) => r.TryGetGuid(out v), out var value)
            ? value
            : throw Invalid("a GUID", ref reader);

    /// <summary>Reads a time span in the invariant <c>[-][d.]hh:mm:ss[.fffffff]</c> form.</summary>
    public static TimeSpan TimeSpan(ref Utf8JsonReader reader) =>
        IsText(ref reader, "a time span") && System.TimeSpan.TryParseExact(Text(ref reader), "c", System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid("a time span such as \"01:30:00\"", ref reader);

    /// <summary>Reads base64 text as bytes, or null.</summary>
    public static byte[]? Bytes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        return IsText(ref reader, "base64 text") && TryText(ref reader, static (ref Utf8JsonReader r, out byte[] v) => r.TryGetBytesFromBase64(out v!), out var value)
            ? value
            : throw Invalid("base64 text", ref reader);
    }

    /// <summary>
    /// Reads any value as a detached <see cref="JsonElement"/>. Its text is checked now, as a typed reader's
    /// is, so a lone surrogate escape fails here rather than when the result is written.
    /// </summary>
    public static JsonElement Element(ref Utf8JsonReader reader)
    {
        var element = JsonElement.ParseValue(ref reader);
        try
        {
            CheckText(element);
        }
        catch (InvalidOperationException e)
        {
            throw InvalidText(e);
        }
        return element;
    }

    private static void CheckText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    CheckText(item);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    CheckText(property.Value);
                }
                break;
        }
    }

    private delegate bool TryRead<T>(ref Utf8JsonReader reader, out T value);

    private static bool TryText<T>(ref Utf8JsonReader reader, TryRead<T> read, out T value)
    {
        try
        {
            return read(ref reader, out value);
        }
        catch (InvalidOperationException e)
        {
            throw InvalidText(e);
        }
    }

    /// <summary>Checks the reader is at the start of an object.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Expected("an object for " + typeName, ref reader);
    }

    /// <summary>Checks the reader is at the start of an array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StartArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Expected("an array", ref reader);
    }

    /// <summary>The error for a required member the object lacked.</summary>
    public static JsonReadError Missing(string jsonName, string typeName) =>
        new JsonReadError($"The required property '{jsonName}' of {typeName} is missing.").InProperty(jsonName);

    /// <summary>The error for JSON null in a property whose type is a non-nullable reference.</summary>
    public static JsonReadError NullNotAllowed(string propertyName) =>
        new($"null is not allowed here: {propertyName} is not nullable.");

    /// <summary>The error for an enum value that names no member.</summary>
    public static JsonReadError UnknownEnum(ref Utf8JsonReader reader, string typeName) =>
        new($"'{Describe(ref reader)}' is not a value of {typeName}.");

    /// <summary>The error for a token of the wrong type.</summary>
    public static JsonReadError Expected(string what, ref Utf8JsonReader reader) =>
        new($"Expected {what} but found {Describe(ref reader)}.");

    /// <summary>Turns a malformed-JSON failure inside a generated reader into a path-carrying error.</summary>
    public static JsonReadError Malformed(JsonException exception) =>
        new($"The JSON is malformed: {exception.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}", exception);

    private static bool Number(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number ? true : throw Expected("a number", ref reader);

    private static bool IsText(ref Utf8JsonReader reader, string what) =>
        reader.TokenType == JsonTokenType.String ? true : throw Expected(what, ref reader);

    private static JsonReadError OutOfRange(string what, ref Utf8JsonReader reader) =>
        new($"Expected {what} but found {Describe(ref reader)}, which is out of range.");

    private static JsonReadError Invalid(string what, ref Utf8JsonReader reader) =>
        new($"Expected {what} but found {Describe(ref reader)}.");

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.String => QuoteSafely(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        _ => reader.TokenType.ToString(),
    };

    private static string QuoteSafely(ref Utf8JsonReader reader)
    {
        try
        {
            return Quote(reader.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return "text that is not valid Unicode";
        }
    }

    private static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}
