using System.Text.Json;
using Impulse.Sources;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Streams;

/// <summary>
/// The two Kinesis Data Streams operations that put records, <c>PutRecord</c> and <c>PutRecords</c>, in the AWS JSON
/// 1.1 protocol (<c>POST /</c> with <c>X-Amz-Target: Kinesis_20131202.PutRecord</c>), so the AWS CLI and SDKs pointed
/// at the host (<c>--endpoint-url</c>) feed local stream triggers. Other operations answer
/// <c>UnknownOperationException</c>; streams need no creating, they exist on first use.
/// </summary>
internal sealed class KinesisApi(IStreamSender sender)
{
    private const string TargetPrefix = "Kinesis_20131202.";

    /// <summary>Kinesis's most records in one <c>PutRecords</c> call.</summary>
    public const int MaxRecordsPerCall = 500;

    public static bool Serves(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && request.Path == "/" && request.Headers["X-Amz-Target"].ToString().StartsWith(TargetPrefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        var operation = http.Request.Headers["X-Amz-Target"].ToString()[TargetPrefix.Length..];
        JsonDocument request;
        try
        {
            request = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(http.Response, "SerializationException", $"The request body is not JSON: {e.Message}").ConfigureAwait(false);
            return;
        }

        using (request)
        {
            try
            {
                switch (operation)
                {
                    case "PutRecord":
                        await PutRecordAsync(http, request.RootElement).ConfigureAwait(false);
                        break;
                    case "PutRecords":
                        await PutRecordsAsync(http, request.RootElement).ConfigureAwait(false);
                        break;
                    default:
                        await WriteErrorAsync(http.Response, "UnknownOperationException", $"The local host serves the Kinesis operations PutRecord and PutRecords, not {operation}.").ConfigureAwait(false);
                        break;
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
            {
                await WriteErrorAsync(http.Response, "ValidationException", e.Message).ConfigureAwait(false);
            }
        }
    }

    private async Task PutRecordAsync(HttpContext http, JsonElement body)
    {
        var stream = StreamName(body);
        var put = await PutAsync(stream, body, http.RequestAborted).ConfigureAwait(false);
        await WriteAsync(http.Response, json =>
        {
            json.WriteString("ShardId"u8, put.Shard);
            json.WriteString("SequenceNumber"u8, put.SequenceNumber);
        }).ConfigureAwait(false);
    }

    private async Task PutRecordsAsync(HttpContext http, JsonElement body)
    {
        var stream = StreamName(body);
        if (!body.TryGetProperty("Records"u8, out var records) || records.ValueKind != JsonValueKind.Array || records.GetArrayLength() is 0 or > MaxRecordsPerCall)
            throw new ArgumentException($"Records must be a list of 1 to {MaxRecordsPerCall} records.");
        // One after another, so records of one partition key keep the order of the list, as Kinesis keeps it.
        var puts = new List<StreamPutResult>(records.GetArrayLength());
        foreach (var record in records.EnumerateArray())
            puts.Add(await PutAsync(stream, record, http.RequestAborted).ConfigureAwait(false));
        await WriteAsync(http.Response, json =>
        {
            json.WriteNumber("FailedRecordCount"u8, 0);
            json.WriteStartArray("Records"u8);
            foreach (var put in puts)
            {
                json.WriteStartObject();
                json.WriteString("ShardId"u8, put.Shard);
                json.WriteString("SequenceNumber"u8, put.SequenceNumber);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private ValueTask<StreamPutResult> PutAsync(string stream, JsonElement record, CancellationToken cancel)
    {
        var key = record.TryGetProperty("PartitionKey"u8, out var k) && k.ValueKind == JsonValueKind.String ? k.GetString()! : "";
        if (key.Length == 0)
            throw new ArgumentException("PartitionKey is required: it picks the record's shard.");
        if (!record.TryGetProperty("Data"u8, out var data) || data.ValueKind != JsonValueKind.String || !data.TryGetBytesFromBase64(out var bytes))
            throw new ArgumentException("Data is required, as base64 text.");
        if (bytes.Length > StreamEndpoint.MaxRecordBytes)
            throw new ArgumentException($"A record's Data holds at most {StreamEndpoint.MaxRecordBytes} bytes.");
        return sender.PutRecordAsync(stream, key, bytes, cancel);
    }

    /// <summary>The stream's name, from <c>StreamName</c> or the last part of <c>StreamARN</c>.</summary>
    private static string StreamName(JsonElement body)
    {
        if (body.TryGetProperty("StreamName"u8, out var name) && name.ValueKind == JsonValueKind.String && name.GetString() is { Length: > 0 } text)
            return text;
        if (body.TryGetProperty("StreamARN"u8, out var arn) && arn.ValueKind == JsonValueKind.String && arn.GetString() is { } value && value.LastIndexOf("stream/", StringComparison.Ordinal) is var at and >= 0)
            return value[(at + "stream/".Length)..];
        throw new ArgumentException("StreamName (or StreamARN) is required.");
    }

    private static Task WriteErrorAsync(HttpResponse response, string type, string message)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        return WriteAsync(response, json =>
        {
            json.WriteString("__type"u8, type);
            json.WriteString("message"u8, message);
        });
    }

    private static async Task WriteAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        response.ContentType = "application/x-amz-json-1.1";
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory).ConfigureAwait(false);
    }
}
