using System.Buffers;
using System.Text;
using System.Text.Json;
using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>
/// The message a stream trigger sends to its on-failure destination for records it gives up on: Lambda's invocation
/// record, with <c>KinesisBatchInfo</c> or <c>DDBStreamBatchInfo</c> naming the shard and the sequence-number range.
/// As on Lambda it does not carry the records' data: they stay in the stream, found by those sequence numbers.
/// </summary>
internal static class OnFailureRecord
{
    public static string Write(StreamKind kind, IReadOnlyList<StreamRecord> records, string streamArn, string functionArn, int invokeCount, string? reason, DateTimeOffset now)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("requestContext"u8);
            json.WriteString("requestId"u8, Guid.NewGuid().ToString());
            json.WriteString("functionArn"u8, functionArn);
            json.WriteString("condition"u8, "RetryAttemptsExhausted"u8);
            json.WriteNumber("approximateInvokeCount"u8, invokeCount);
            json.WriteEndObject();
            json.WriteStartObject("responseContext"u8);
            json.WriteNumber("statusCode"u8, 200);
            json.WriteString("executedVersion"u8, "$LATEST"u8);
            json.WriteString("functionError"u8, "Unhandled"u8);
            json.WriteEndObject();
            json.WriteString("version"u8, "1.0"u8);
            json.WriteString("timestamp"u8, now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            if (reason is not null)
                json.WriteString("errorMessage"u8, reason);
            json.WriteStartObject(kind == StreamKind.Kinesis ? "KinesisBatchInfo"u8 : "DDBStreamBatchInfo"u8);
            json.WriteString("shardId"u8, records[0].Shard);
            json.WriteString("startSequenceNumber"u8, records[0].SequenceNumber);
            json.WriteString("endSequenceNumber"u8, records[^1].SequenceNumber);
            json.WriteString("approximateArrivalOfFirstRecord"u8, records[0].ArrivalTimestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("approximateArrivalOfLastRecord"u8, records[^1].ArrivalTimestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("batchSize"u8, records.Count);
            json.WriteString("streamArn"u8, streamArn);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
