using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>
/// The partial batch failure response of an SQS, Kinesis or DynamoDB Streams function: the records that failed.
/// SQS retries only those; a stream resumes from the earliest of them. An empty list reports the whole batch done.
/// </summary>
public sealed record BatchItemFailuresResponse
{
    /// <summary>The records that failed.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IReadOnlyList<BatchItemFailure> BatchItemFailures { get; init; } = [];
}

/// <summary>One failed record of a batch.</summary>
public sealed record BatchItemFailure
{
    /// <summary>The record's id: an SQS message id, or a Kinesis or DynamoDB Streams sequence number.</summary>
    [JsonPropertyName("itemIdentifier")]
    public string ItemIdentifier { get; init; } = "";
}
