using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Http;

/// <summary>Reads request bodies into memory, up to a limit, as Lambda takes payloads whole.</summary>
internal static class RequestBody
{
    /// <summary>Lambda's limit on a synchronous invocation's request payload: 6 MB.</summary>
    public const int MaxSynchronousPayloadBytes = 6_291_456;

    /// <summary>Lambda's limit on an asynchronous (<c>Event</c>) invocation's payload: 1 MB since October 2025.</summary>
    public const int MaxAsynchronousPayloadBytes = 1_048_576;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancel)
    {
        if (request.ContentLength > limit)
            return null;
        var capacity = (int)Math.Min(request.ContentLength ?? 4096, limit);
        using var body = new MemoryStream(capacity);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            // Stops reading at the limit rather than buffering whatever a client chooses to send.
            if (body.Length + read > limit)
                return null;
            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }
}
