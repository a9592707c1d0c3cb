using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using Impulse.Serialization;

namespace Impulse.Events;

/// <summary>A batch of Amazon SQS messages delivered to a function by an SQS event source mapping.</summary>
public sealed record SqsEvent
{
    /// <summary>The messages in the batch.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<SqsMessage> Records { get; init; } = [];
}

/// <summary>One SQS message in an <see cref="SqsEvent"/>.</summary>
public sealed record SqsMessage
{
    /// <summary>The message id SQS assigned; the item identifier to report in a partial batch failure.</summary>
    [JsonPropertyName("messageId")]
    public string MessageId { get; init; } = "";

    /// <summary>The receipt handle that deletes or changes the visibility of this receipt of the message.</summary>
    [JsonPropertyName("receiptHandle")]
    public string ReceiptHandle { get; init; } = "";

    /// <summary>The message body, as the sender wrote it.</summary>
    [JsonPropertyName("body")]
    public string Body { get; init; } = "";

    /// <summary>The MD5 digest of the body, as hex.</summary>
    [JsonPropertyName("md5OfBody")]
    public string Md5OfBody { get; init; } = "";

    /// <summary>The MD5 digest of the message attributes, as hex; absent when the message has none.</summary>
    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; init; }

    /// <summary>The ARN of the queue the message came from.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSourceARN")]
    public string EventSourceArn { get; init; } = "";

    /// <summary>The event source, always <c>aws:sqs</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The AWS Region of the queue.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("awsRegion")]
    public string AwsRegion { get; init; } = "";

    /// <summary>The system attributes SQS keeps, such as <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c> and <c>MessageGroupId</c>, all as text.</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The custom message attributes the sender set, by name.</summary>
    [JsonPropertyName("messageAttributes")]
    public IReadOnlyDictionary<string, SqsMessageAttribute> MessageAttributes { get; init; } = ReadOnlyDictionary<string, SqsMessageAttribute>.Empty;
}

/// <summary>A custom SQS message attribute: a typed string or binary value.</summary>
public sealed record SqsMessageAttribute
{
    /// <summary>The attribute's data type: <c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix.</summary>
    [JsonPropertyName("dataType")]
    public string DataType { get; init; } = "";

    /// <summary>The value of a <c>String</c> or <c>Number</c> attribute.</summary>
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; init; }

    /// <summary>The value of a <c>Binary</c> attribute, decoded from base64.</summary>
    [JsonPropertyName("binaryValue")]
    public byte[]? BinaryValue { get; init; }

    /// <summary>Reserved by SQS for lists of strings; not yet used.</summary>
    [JsonPropertyName("stringListValues")]
    public IReadOnlyList<string>? StringListValues { get; init; }

    /// <summary>Reserved by SQS for lists of binary values; not yet used.</summary>
    [JsonPropertyName("binaryListValues")]
    public IReadOnlyList<byte[]>? BinaryListValues { get; init; }
}
