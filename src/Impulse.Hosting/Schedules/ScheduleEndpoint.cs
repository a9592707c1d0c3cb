using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Schedules;

/// <summary>
/// <c>POST /impulse/schedules/{function}/fire</c>: queues one scheduled event now, so a schedule can be tried
/// without waiting for it. The answer is <c>202</c> with the event's id, as the event runs asynchronously.
/// </summary>
internal sealed class ScheduleEndpoint(ScheduleRunner schedules)
{
    public const string Prefix = "/impulse/schedules/";
    private const string Suffix = "/fire";

    public static bool Serves(PathString path) =>
        path.Value is { } value && value.StartsWith(Prefix, StringComparison.Ordinal) && value.EndsWith(Suffix, StringComparison.Ordinal) && value.Length > Prefix.Length + Suffix.Length;

    public async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value!;
        var function = Uri.UnescapeDataString(path[Prefix.Length..^Suffix.Length]);
        var response = http.Response;
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteAsync(response, StatusCodes.Status405MethodNotAllowed, "message", "Method Not Allowed").ConfigureAwait(false);
            return;
        }

        var id = await schedules.FireAsync(function, http.RequestAborted).ConfigureAwait(false);
        if (id is null)
        {
            await WriteAsync(response, StatusCodes.Status404NotFound, "message", $"Function '{function}' has no schedule trigger.").ConfigureAwait(false);
            return;
        }

        await WriteAsync(response, StatusCodes.Status202Accepted, "id", id).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpResponse response, int status, string name, string value)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(name, value);
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }
}
