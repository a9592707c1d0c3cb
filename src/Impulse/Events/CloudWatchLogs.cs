using System.IO.Compression;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>
/// Log events from an Amazon CloudWatch Logs subscription filter. AWS sends them compressed and encoded in
/// <c>awslogs.data</c>; <see cref="Decode"/> unpacks them.
/// </summary>
public sealed record CloudWatchLogsEvent
{
    /// <summary>The compressed log data.</summary>
    [JsonPropertyName("awslogs")]
    public CloudWatchLogsPayload Awslogs { get; init; } = new();

    /// <summary>
    /// Decodes <c>awslogs.data</c>: base64 text of gzip-compressed JSON, read without reflection.
    /// Fails with <see cref="EventReadException"/> at path <c>$.awslogs.data</c>; for bad JSON the message names the path inside the decoded data.
    /// </summary>
    /// <exception cref="EventReadException">The data is not base64, not gzip, or not the JSON CloudWatch Logs sends.</exception>
    public CloudWatchLogsData Decode()
    {
        const string path = CloudWatchLogsDataReader.DataPath;
        var text = Awslogs?.Data;
        if (string.IsNullOrEmpty(text))
            throw new EventReadException("awslogs.data is missing or empty.", path);

        byte[] compressed;
        try
        {
            compressed = Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new EventReadException("awslogs.data is not base64 text.", path, e);
        }

        // Check the gzip magic number first for a clear message; GZipStream turns a truncated stream into
        // short or empty output without an error, which the JSON reader then reports.
        if (compressed.Length < 2 || compressed[0] != 0x1f || compressed[1] != 0x8b)
            throw new EventReadException("awslogs.data is not gzip data: it lacks the gzip header.", path);

        using var output = new MemoryStream();
        try
        {
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            gzip.CopyTo(output);
        }
        catch (InvalidDataException e)
        {
            throw new EventReadException($"awslogs.data is not valid gzip data: {e.Message}", path, e);
        }

        return CloudWatchLogsDataReader.Read(output.GetBuffer().AsSpan(0, (int)output.Length));
    }
}

/// <summary>The <c>awslogs</c> part of a CloudWatch Logs event.</summary>
public sealed record CloudWatchLogsPayload
{
    /// <summary>The log data: base64 text of gzip-compressed JSON; see <see cref="CloudWatchLogsEvent.Decode"/>.</summary>
    [JsonPropertyName("data")]
    public string Data { get; init; } = "";
}

/// <summary>The decoded content of a CloudWatch Logs event: which log stream and filter, and the log events.</summary>
public sealed record CloudWatchLogsData
{
    /// <summary>The message kind: <c>DATA_MESSAGE</c>, or <c>CONTROL_MESSAGE</c> for CloudWatch Logs' own reachability checks.</summary>
    [JsonPropertyName("messageType")]
    public string MessageType { get; init; } = "";

    /// <summary>The AWS account id that owns the log group.</summary>
    [JsonPropertyName("owner")]
    public string Owner { get; init; } = "";

    /// <summary>The log group name.</summary>
    [JsonPropertyName("logGroup")]
    public string LogGroup { get; init; } = "";

    /// <summary>The log stream name.</summary>
    [JsonPropertyName("logStream")]
    public string LogStream { get; init; } = "";

    /// <summary>The names of the subscription filters that matched.</summary>
    [JsonPropertyName("subscriptionFilters")]
    public IReadOnlyList<string> SubscriptionFilters { get; init; } = [];

    /// <summary>The log events.</summary>
    [JsonPropertyName("logEvents")]
    public IReadOnlyList<CloudWatchLogEvent> LogEvents { get; init; } = [];
}

/// <summary>One log event of a CloudWatch Logs subscription.</summary>
public sealed record CloudWatchLogEvent
{
    /// <summary>The unique id of the log event.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>When the event was logged, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; init; }

    /// <summary>The log message.</summary>
    [JsonPropertyName("message")]
    public string Message { get; init; } = "";
}
