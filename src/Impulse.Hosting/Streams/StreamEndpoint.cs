using System.Text.Json;
using Impulse.Sources;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Streams;

/// <summary>
/// <c>POST /impulse/streams/{stream}/records?partitionKey=KEY</c>: puts the request body on the stream as one record,
/// so a stream trigger can be fed with curl. Answers <c>200</c> with Kinesis's <c>PutRecord</c> result
/// (<c>ShardId</c>, <c>SequenceNumber</c>). For a DynamoDB stream the body is one change and the key may be left out.
/// It also serves Kinesis's own <c>PutRecord</c> and <c>PutRecords</c> (<see cref="KinesisApi"/>), for the AWS CLI and SDKs.
/// </summary>
internal sealed class StreamEndpoint(IStreamSender sender, StreamDirectory streams)
{
    private readonly KinesisApi _kinesis = new(sender);

    public const string Prefix = "/impulse/streams/";
    private const string Suffix = "/records";

    /// <summary>Kinesis's largest record, 1 MiB.</summary>
    public const int MaxRecordBytes = 1024 * 1024;

    public static bool Serves(HttpRequest request) =>
        request.Path.Value is { } value && value.StartsWith(Prefix, StringComparison.Ordinal) && value.EndsWith(Suffix, StringComparison.Ordinal) && value.Length > Prefix.Length + Suffix.Length
        || KinesisApi.Serves(request);

    public async Task HandleAsync(HttpContext http)
    {
        if (KinesisApi.Serves(http.Request))
        {
            await _kinesis.HandleAsync(http).ConfigureAwait(false);
            return;
        }

        var request = http.Request;
        var response = http.Response;
        var stream = Uri.UnescapeDataString(request.Path.Value![Prefix.Length..^Suffix.Length]);
        if (!HttpMethods.IsPost(request.Method))
        {
            response.Headers.Allow = "POST";
            await WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed").ConfigureAwait(false);
            return;
        }

        var partitionKey = request.Query["partitionKey"].ToString();
        if (partitionKey.Length == 0 && !streams.IsDynamoDbStream(stream))
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, $"Stream '{stream}' needs a partitionKey query parameter, which picks the record's shard.").ConfigureAwait(false);
            return;
        }

        var data = await ReadBodyAsync(request, http.RequestAborted).ConfigureAwait(false);
        if (data is null)
        {
            await WriteErrorAsync(response, StatusCodes.Status413PayloadTooLarge, $"A stream record holds at most {MaxRecordBytes} bytes.").ConfigureAwait(false);
            return;
        }

        StreamPutResult put;
        try
        {
            put = await sender.PutRecordAsync(stream, partitionKey, data, http.RequestAborted).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        await WriteAsync(response, json =>
        {
            json.WriteString("ShardId"u8, put.Shard);
            json.WriteString("SequenceNumber"u8, put.SequenceNumber);
        }).ConfigureAwait(false);
    }

    /// <summary>The body, or null when it is larger than a record may be.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancel)
    {
        if (request.ContentLength > MaxRecordBytes)
            return null;
        using var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancel).ConfigureAwait(false)) > 0)
        {
            if (body.Length + read > MaxRecordBytes)
                return null;
            body.Write(buffer, 0, read);
        }

        return body.ToArray();
    }

    private static Task WriteErrorAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return WriteAsync(response, json => json.WriteString("message"u8, message));
    }

    private static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        response.ContentType = "application/json";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }
}
