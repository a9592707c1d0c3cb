using System.Text.Json.Serialization;
using Impulse.Serialization;

namespace Impulse.Events;

/// <summary>A batch of Amazon Kinesis Data Streams records delivered by a Kinesis event source mapping.</summary>
public sealed record KinesisEvent
{
    /// <summary>The records in the batch, in shard order.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<KinesisEventRecord> Records { get; init; } = [];
}

/// <summary>One record of a <see cref="KinesisEvent"/>: where it came from and the Kinesis record itself.</summary>
public sealed record KinesisEventRecord
{
    /// <summary>The Kinesis record.</summary>
    [JsonPropertyName("kinesis")]
    public KinesisRecord Kinesis { get; init; } = new();

    /// <summary>The event source, always <c>aws:kinesis</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The version of the record format.</summary>
    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = "";

    /// <summary>The shard id and sequence number, joined by a colon.</summary>
    [JsonPropertyName("eventID")]
    public string EventId { get; init; } = "";

    /// <summary>The event name, always <c>aws:kinesis:record</c>.</summary>
    [JsonPropertyName("eventName")]
    public string EventName { get; init; } = "";

    /// <summary>The ARN of the role Lambda used to read the stream.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("invokeIdentityArn")]
    public string InvokeIdentityArn { get; init; } = "";

    /// <summary>The AWS Region of the stream.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("awsRegion")]
    public string AwsRegion { get; init; } = "";

    /// <summary>The ARN of the stream.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSourceARN")]
    public string EventSourceArn { get; init; } = "";
}

/// <summary>A Kinesis data record.</summary>
public sealed record KinesisRecord
{
    /// <summary>The version of the record format.</summary>
    [JsonPropertyName("kinesisSchemaVersion")]
    public string KinesisSchemaVersion { get; init; } = "";

    /// <summary>The partition key the producer gave, which chose the shard.</summary>
    [JsonPropertyName("partitionKey")]
    public string PartitionKey { get; init; } = "";

    /// <summary>The record's sequence number within its shard; the item identifier to report in a partial batch failure.</summary>
    [JsonPropertyName("sequenceNumber")]
    public string SequenceNumber { get; init; } = "";

    /// <summary>The record's payload, decoded from the base64 text Kinesis sends.</summary>
    [JsonPropertyName("data")]
    public byte[] Data { get; init; } = [];

    /// <summary>When the record reached the stream, in seconds (with fraction) since the Unix epoch.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public double ApproximateArrivalTimestamp { get; init; }

    /// <summary>The server-side encryption of the record, <c>KMS</c> or <c>NONE</c>; absent on older streams.</summary>
    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; init; }
}
