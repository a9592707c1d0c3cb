using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using Impulse.Serialization;

namespace Impulse.Events;

/// <summary>A batch of Amazon DynamoDB Streams records delivered by a DynamoDB event source mapping.</summary>
public sealed record DynamoDbEvent
{
    /// <summary>The stream records in the batch, in shard order.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<DynamoDbEventRecord> Records { get; init; } = [];
}

/// <summary>One record of a <see cref="DynamoDbEvent"/>: a change to one item of the table.</summary>
public sealed record DynamoDbEventRecord
{
    /// <summary>A unique id for this stream record.</summary>
    [JsonPropertyName("eventID")]
    public string EventId { get; init; } = "";

    /// <summary>The kind of change: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
    [JsonPropertyName("eventName")]
    public string EventName { get; init; } = "";

    /// <summary>The version of the stream record format.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = "";

    /// <summary>The event source, always <c>aws:dynamodb</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The AWS Region of the table.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("awsRegion")]
    public string AwsRegion { get; init; } = "";

    /// <summary>Who made the change; present only for items removed by Time to Live.</summary>
    [JsonPropertyName("userIdentity")]
    public DynamoDbUserIdentity? UserIdentity { get; init; }

    /// <summary>The change itself: keys, images and sequence number.</summary>
    [JsonPropertyName("dynamodb")]
    public DynamoDbStreamRecord DynamoDb { get; init; } = new();

    /// <summary>The ARN of the table's stream.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSourceARN")]
    public string EventSourceArn { get; init; } = "";
}

/// <summary>The principal that made a DynamoDB change, sent for Time to Live deletions.</summary>
public sealed record DynamoDbUserIdentity
{
    /// <summary>The principal type, <c>Service</c> for Time to Live.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = "";

    /// <summary>The principal, <c>dynamodb.amazonaws.com</c> for Time to Live.</summary>
    [JsonPropertyName("principalId")]
    public string PrincipalId { get; init; } = "";
}

/// <summary>A DynamoDB Streams <c>StreamRecord</c>: the keys and images of one changed item.</summary>
public sealed record DynamoDbStreamRecord
{
    /// <summary>When the change was made, in seconds since the Unix epoch.</summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public double ApproximateCreationDateTime { get; init; }

    /// <summary>The primary key attributes of the changed item.</summary>
    [JsonPropertyName("Keys")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue> Keys { get; init; } = ReadOnlyDictionary<string, DynamoDbAttributeValue>.Empty;

    /// <summary>The item after the change; present for <c>NEW_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c> streams.</summary>
    [JsonPropertyName("NewImage")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? NewImage { get; init; }

    /// <summary>The item before the change; present for <c>OLD_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c> streams.</summary>
    [JsonPropertyName("OldImage")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? OldImage { get; init; }

    /// <summary>The record's sequence number within its shard; the item identifier to report in a partial batch failure.</summary>
    [JsonPropertyName("SequenceNumber")]
    public string SequenceNumber { get; init; } = "";

    /// <summary>The size of the stream record in bytes.</summary>
    [JsonPropertyName("SizeBytes")]
    public long SizeBytes { get; init; }

    /// <summary>What the stream records: <c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
    [JsonPropertyName("StreamViewType")]
    public string StreamViewType { get; init; } = "";
}

/// <summary>
/// A DynamoDB <c>AttributeValue</c>: exactly one of its properties is set, and its name is the DynamoDB type.
/// Maps and lists hold further attribute values.
/// </summary>
public sealed record DynamoDbAttributeValue
{
    /// <summary>A string value (type <c>S</c>).</summary>
    [JsonPropertyName("S")]
    public string? S { get; init; }

    /// <summary>A number value (type <c>N</c>), as DynamoDB sends it: decimal text of up to 38 digits.</summary>
    [JsonPropertyName("N")]
    public string? N { get; init; }

    /// <summary>A binary value (type <c>B</c>), decoded from base64.</summary>
    [JsonPropertyName("B")]
    public byte[]? B { get; init; }

    /// <summary>A string set (type <c>SS</c>).</summary>
    [JsonPropertyName("SS")]
    public IReadOnlyList<string>? SS { get; init; }

    /// <summary>A number set (type <c>NS</c>), each number as decimal text.</summary>
    [JsonPropertyName("NS")]
    public IReadOnlyList<string>? NS { get; init; }

    /// <summary>A binary set (type <c>BS</c>), each value decoded from base64.</summary>
    [JsonPropertyName("BS")]
    public IReadOnlyList<byte[]>? BS { get; init; }

    /// <summary>A map of attribute values by name (type <c>M</c>).</summary>
    [JsonPropertyName("M")]
    public IReadOnlyDictionary<string, DynamoDbAttributeValue>? M { get; init; }

    /// <summary>A list of attribute values (type <c>L</c>).</summary>
    [JsonPropertyName("L")]
    public IReadOnlyList<DynamoDbAttributeValue>? L { get; init; }

    /// <summary>True for a null value (type <c>NULL</c>).</summary>
    [JsonPropertyName("NULL")]
    public bool? NULL { get; init; }

    /// <summary>A Boolean value (type <c>BOOL</c>).</summary>
    [JsonPropertyName("BOOL")]
    public bool? BOOL { get; init; }
}
