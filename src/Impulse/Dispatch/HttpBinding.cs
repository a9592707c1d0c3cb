using System.Buffers;
using System.ComponentModel;
using System.Text.Json;

namespace Impulse.Dispatch;

/// <summary>
/// Binds an HTTP trigger's request to a handler that takes its own type, as a web framework binds a
/// body: API Gateway (HTTP API, payload 2.0) and function URLs deliver a request event; the handler wants
/// the order inside it. The body is the event; with no body, the path and query parameters are.
/// A payload that is not a request event (a direct Invoke) passes through unchanged.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HttpBinding
{
    /// <summary>
    /// When <paramref name="payload"/> is an HTTP API request event, writes what the handler's event is
    /// made of to <paramref name="scratch"/> and returns true; otherwise returns false and the payload
    /// is the event itself.
    /// </summary>
    public static bool TryUnwrap(ReadOnlyMemory<byte> payload, ArrayBufferWriter<byte> scratch, out ReadOnlyMemory<byte> inner)
    {
        inner = payload;
        if (!LooksLikeRequest(payload.Span))
            return false;

        using var document = JsonDocument.Parse(payload);
        var root = document.RootElement;
        scratch.ResetWrittenCount();
        if (root.TryGetProperty("body"u8, out var body) && body.ValueKind == JsonValueKind.String && body.GetString() is { Length: > 0 } text)
        {
            var base64 = root.TryGetProperty("isBase64Encoded"u8, out var encoded) && encoded.ValueKind == JsonValueKind.True;
            var bytes = base64 ? Convert.FromBase64String(text) : System.Text.Encoding.UTF8.GetBytes(text);
            scratch.Write(bytes);
        }
        else
        {
            WriteParameters(root, scratch);
        }
        inner = scratch.WrittenMemory;
        return true;
    }

    /// <summary>Answers a request whose body does not fit the handler's type with 400 and the reason, as model binding does.</summary>
    public static void WriteBadRequest(IBufferWriter<byte> result, EventReadException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        using var writer = new Utf8JsonWriter(result, Impulse.ReadableJson.WriterOptions);
        writer.WriteStartObject();
        writer.WriteNumber("statusCode"u8, 400);
        writer.WriteStartObject("headers"u8);
        writer.WriteString("content-type"u8, "application/json");
        writer.WriteEndObject();
        var body = new ArrayBufferWriter<byte>(256);
        using (var inner = new Utf8JsonWriter(body, Impulse.ReadableJson.WriterOptions))
        {
            inner.WriteStartObject();
            inner.WriteString("message"u8, error.Message);
            if (error.Path is not null)
                inner.WriteString("path"u8, error.Path);
            inner.WriteEndObject();
        }
        writer.WriteString("body"u8, body.WrittenSpan);
        writer.WriteEndObject();
    }

    // An HTTP API request names its format version and carries a request context; an order never does.
    private static bool LooksLikeRequest(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            bool version = false, context = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("version"u8))
                {
                    reader.Read();
                    version = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
                }
                else if (reader.ValueTextEquals("requestContext"u8))
                {
                    context = true;
                    reader.Read();
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            return version && context;
        }
        catch (JsonException)
        {
            // Not JSON at all: the reader proper will say so with its path.
            return false;
        }
    }

    /// <summary>Path parameters, then query parameters, as one object of strings; a path parameter wins a clash.</summary>
    private static void WriteParameters(JsonElement request, ArrayBufferWriter<byte> scratch)
    {
        using var writer = new Utf8JsonWriter(scratch);
        writer.WriteStartObject();
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in new[] { "pathParameters", "queryStringParameters" })
        {
            if (!request.TryGetProperty(source, out var parameters) || parameters.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var parameter in parameters.EnumerateObject())
            {
                if (parameter.Value.ValueKind == JsonValueKind.String && written.Add(parameter.Name))
                    writer.WriteString(parameter.Name, parameter.Value.GetString());
            }
        }
        writer.WriteEndObject();
    }
}
