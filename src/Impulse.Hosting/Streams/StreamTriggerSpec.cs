using System.Text.Json;

namespace Impulse.Hosting.Streams;

/// <summary>Which event a stream trigger's function receives.</summary>
internal enum StreamKind
{
    /// <summary>Kinesis Data Streams: records delivered as a <c>KinesisEvent</c>.</summary>
    Kinesis,
    /// <summary>DynamoDB Streams: change records delivered as a <c>DynamoDbEvent</c>.</summary>
    DynamoDb,
}

/// <summary>A stream pull trigger with the settings the manifest gives it (Lambda's stream event source mapping).</summary>
/// <param name="Kind">The event shape its function receives.</param>
/// <param name="Stream">The stream's name.</param>
/// <param name="BatchSize">The most records in one invocation.</param>
/// <param name="MaxBatchingWindowSeconds">How long to gather records before invoking with fewer than a full batch.</param>
/// <param name="MaxRetryAttempts">Retries of a failed record (or batch) before it goes to <paramref name="DeadLetterQueue"/>; negative for no limit.</param>
/// <param name="DeadLetterQueue">The on-failure destination, a queue; null to discard with a warning, as Lambda does with none.</param>
/// <param name="BisectBatchOnFunctionError">Whether a function error splits the batch in halves to isolate the bad record.</param>
/// <param name="StartAtLatest">Whether a shard with no checkpoint starts after its newest record (<c>LATEST</c>) rather than at its oldest.</param>
internal sealed record StreamTriggerSpec(
    StreamKind Kind,
    string Stream,
    int BatchSize,
    int MaxBatchingWindowSeconds,
    int MaxRetryAttempts,
    string? DeadLetterQueue,
    bool BisectBatchOnFunctionError,
    bool StartAtLatest)
{
    /// <summary>Kinesis's largest batch for one invocation.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// Reads a <c>stream</c> or <c>dynamoDbStream</c> pull trigger from the manifest; false for other sources.
    /// </summary>
    /// <exception cref="InvalidOperationException">A setting has a value Lambda would refuse, such as an unknown starting position.</exception>
    public static bool TryRead(string? source, string stream, JsonElement trigger, string function, out StreamTriggerSpec spec)
    {
        spec = null!;
        StreamKind kind;
        if (source == "stream")
            kind = StreamKind.Kinesis;
        else if (source == "dynamoDbStream")
            kind = StreamKind.DynamoDb;
        else
            return false;

        var settings = trigger.TryGetProperty("settings"u8, out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        var start = StringOf(settings, "startingPosition"u8) ?? "TRIM_HORIZON";
        if (start is not ("TRIM_HORIZON" or "LATEST"))
        {
            throw new InvalidOperationException(
                $"Function '{function}' reads stream '{stream}' from StartingPosition '{start}'; the local host supports 'TRIM_HORIZON' and 'LATEST'.");
        }

        spec = new StreamTriggerSpec(
            kind,
            stream,
            Math.Clamp(IntOf(settings, "batchSize"u8) ?? 100, 1, MaxBatchSize),
            Math.Max(0, IntOf(settings, "maxBatchingWindowSeconds"u8) ?? 0),
            // Lambda's stream default is -1, retry until the record expires; the attribute's default of 3 is what a user gets.
            IntOf(settings, "maxRetryAttempts"u8) ?? -1,
            StringOf(settings, "deadLetterQueue"u8),
            settings.ValueKind == JsonValueKind.Object && settings.TryGetProperty("bisectBatchOnFunctionError"u8, out var bisect) && bisect.ValueKind == JsonValueKind.True,
            start == "LATEST");
        return true;
    }

    private static int? IntOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? StringOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
