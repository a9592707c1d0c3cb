using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using Impulse.Serialization;

namespace Impulse.Events;

/// <summary>An Amazon SNS notification delivered to a subscribed function.</summary>
public sealed record SnsEvent
{
    /// <summary>The notifications; SNS sends exactly one per invocation.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<SnsEventRecord> Records { get; init; } = [];
}

/// <summary>One record of an <see cref="SnsEvent"/>: the subscription and the message it delivered.</summary>
public sealed record SnsEventRecord
{
    /// <summary>The version of the record format.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("EventVersion")]
    public string EventVersion { get; init; } = "";

    /// <summary>The ARN of the subscription that delivered the message.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("EventSubscriptionArn")]
    public string EventSubscriptionArn { get; init; } = "";

    /// <summary>The event source, always <c>aws:sns</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("EventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The SNS message.</summary>
    [JsonPropertyName("Sns")]
    public SnsMessage Sns { get; init; } = new();
}

/// <summary>The SNS message of an <see cref="SnsEventRecord"/>.</summary>
public sealed record SnsMessage
{
    /// <summary>The message type, <c>Notification</c> for published messages.</summary>
    [JsonPropertyName("Type")]
    public string Type { get; init; } = "";

    /// <summary>The message id SNS assigned when the message was published.</summary>
    [JsonPropertyName("MessageId")]
    public string MessageId { get; init; } = "";

    /// <summary>The ARN of the topic the message was published to.</summary>
    [JsonPropertyName("TopicArn")]
    public string TopicArn { get; init; } = "";

    /// <summary>The subject given at publish time; absent when none was given.</summary>
    [JsonPropertyName("Subject")]
    public string? Subject { get; init; }

    /// <summary>The message body, as the publisher wrote it.</summary>
    [JsonPropertyName("Message")]
    public string Message { get; init; } = "";

    /// <summary>When the message was published.</summary>
    [JsonPropertyName("Timestamp")]
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>The version of the signature scheme: <c>1</c> (SHA1) or <c>2</c> (SHA256).</summary>
    [JsonPropertyName("SignatureVersion")]
    public string SignatureVersion { get; init; } = "";

    /// <summary>The base64 signature over the message's fields.</summary>
    [JsonPropertyName("Signature")]
    public string Signature { get; init; } = "";

    /// <summary>The URL of the certificate that verifies the signature.</summary>
    [JsonPropertyName("SigningCertUrl")]
    public string SigningCertUrl { get; init; } = "";

    /// <summary>The URL that unsubscribes the endpoint from the topic.</summary>
    [JsonPropertyName("UnsubscribeUrl")]
    public string UnsubscribeUrl { get; init; } = "";

    /// <summary>The message attributes the publisher set, by name.</summary>
    [JsonPropertyName("MessageAttributes")]
    public IReadOnlyDictionary<string, SnsMessageAttribute> MessageAttributes { get; init; } = ReadOnlyDictionary<string, SnsMessageAttribute>.Empty;
}

/// <summary>An SNS message attribute: a type and its value as text.</summary>
public sealed record SnsMessageAttribute
{
    /// <summary>The attribute's data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
    [JsonPropertyName("Type")]
    public string Type { get; init; } = "";

    /// <summary>The attribute's value as text; base64 for <c>Binary</c> attributes.</summary>
    [JsonPropertyName("Value")]
    public string Value { get; init; } = "";
}
