using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Http;

/// <summary>The HTTP response a function's result becomes.</summary>
internal sealed class MappedResponse
{
    public int StatusCode { get; init; } = StatusCodes.Status200OK;
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public ReadOnlyMemory<byte> Body { get; init; }
}

/// <summary>
/// Turns a function's result into an HTTP response as API Gateway does for payload format 2.0: a JSON object with
/// <c>statusCode</c> describes the response (status, headers, multi-value headers, cookies, body, base64 flag);
/// any other result is a 200 whose JSON body is the result (a JSON string's value is sent as it is). A result
/// API Gateway could not map is a 500, as it would be there.
/// </summary>
internal static class HttpResponseMapper
{
    // Kestrel frames the body itself; a function's own framing headers would contradict it.
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "content-length", "transfer-encoding", "connection",
    };

    public static MappedResponse? Map(ReadOnlyMemory<byte> result)
    {
        if (result.IsEmpty)
            return new MappedResponse();

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("statusCode"u8, out var status))
                return MapResponseShape(root, status);

            var plain = new MappedResponse
            {
                Body = root.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(root.GetString()!) : result,
            };
            plain.Headers.Add(new("content-type", "application/json"));
            return plain;
        }
    }

    private static MappedResponse? MapResponseShape(JsonElement root, JsonElement status)
    {
        int code;
        if (status.ValueKind == JsonValueKind.Number && status.TryGetInt32(out var number))
            code = number;
        else if (status.ValueKind == JsonValueKind.String && int.TryParse(status.GetString(), out var text))
            code = text;
        else
            return null;
        if (code is < 100 or > 599)
            return null;

        byte[] body = [];
        if (root.TryGetProperty("body"u8, out var bodyElement) && bodyElement.ValueKind != JsonValueKind.Null)
        {
            var base64 = root.TryGetProperty("isBase64Encoded"u8, out var flag) && flag.ValueKind == JsonValueKind.True;
            if (bodyElement.ValueKind != JsonValueKind.String)
                body = Encoding.UTF8.GetBytes(bodyElement.GetRawText());
            else if (!base64)
                body = Encoding.UTF8.GetBytes(bodyElement.GetString()!);
            else if (!bodyElement.TryGetBytesFromBase64(out body!))
                return null;
        }

        var response = new MappedResponse { StatusCode = code, Body = body };
        if (root.TryGetProperty("headers"u8, out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (ValueText(header.Value) is { } value)
                    Add(response, header.Name, value);
            }
        }

        if (root.TryGetProperty("multiValueHeaders"u8, out var multi) && multi.ValueKind == JsonValueKind.Object)
        {
            foreach (var header in multi.EnumerateObject())
            {
                if (header.Value.ValueKind != JsonValueKind.Array)
                    continue;
                foreach (var item in header.Value.EnumerateArray())
                {
                    if (ValueText(item) is { } value)
                        Add(response, header.Name, value);
                }
            }
        }

        if (root.TryGetProperty("cookies"u8, out var cookies) && cookies.ValueKind == JsonValueKind.Array)
        {
            foreach (var cookie in cookies.EnumerateArray())
            {
                if (cookie.ValueKind == JsonValueKind.String)
                    response.Headers.Add(new("set-cookie", cookie.GetString()!));
            }
        }

        return response;
    }

    private static void Add(MappedResponse response, string name, string value)
    {
        if (!FramingHeaders.Contains(name))
            response.Headers.Add(new(name, value));
    }

    private static string? ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
