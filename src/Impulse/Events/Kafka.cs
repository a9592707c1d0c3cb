using System.Collections.ObjectModel;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>A batch of Apache Kafka records from Amazon MSK or a self-managed cluster, delivered by a Kafka event source mapping.</summary>
public sealed record KafkaEvent
{
    /// <summary>The event source: <c>aws:kafka</c> for Amazon MSK, <c>SelfManagedKafka</c> otherwise.</summary>
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The ARN of the MSK cluster; absent for self-managed clusters.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; init; }

    /// <summary>The cluster's bootstrap servers, comma-separated.</summary>
    [JsonPropertyName("bootstrapServers")]
    public string? BootstrapServers { get; init; }

    /// <summary>The records, grouped by <c>topic-partition</c> key such as <c>orders-0</c>, each group in offset order.</summary>
    [JsonPropertyName("records")]
    public IReadOnlyDictionary<string, IReadOnlyList<KafkaRecord>> Records { get; init; } = ReadOnlyDictionary<string, IReadOnlyList<KafkaRecord>>.Empty;
}

/// <summary>One Kafka record of a <see cref="KafkaEvent"/>.</summary>
public sealed record KafkaRecord
{
    /// <summary>The topic the record was read from.</summary>
    [JsonPropertyName("topic")]
    public string Topic { get; init; } = "";

    /// <summary>The partition the record was read from.</summary>
    [JsonPropertyName("partition")]
    public int Partition { get; init; }

    /// <summary>The record's offset within its partition.</summary>
    [JsonPropertyName("offset")]
    public long Offset { get; init; }

    /// <summary>The record's timestamp in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; init; }

    /// <summary>What the timestamp means: <c>CREATE_TIME</c> or <c>LOG_APPEND_TIME</c>.</summary>
    [JsonPropertyName("timestampType")]
    public string TimestampType { get; init; } = "";

    /// <summary>The record key, decoded from base64; absent for records without a key.</summary>
    [JsonPropertyName("key")]
    public byte[]? Key { get; init; }

    /// <summary>The record value, decoded from base64; absent or null for tombstones.</summary>
    [JsonPropertyName("value")]
    public byte[]? Value { get; init; }

    /// <summary>The record headers, each a one-entry object from header name to its value's bytes as signed (Java) byte values from -128 to 127.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyList<IReadOnlyDictionary<string, IReadOnlyList<int>>> Headers { get; init; } = [];
}
