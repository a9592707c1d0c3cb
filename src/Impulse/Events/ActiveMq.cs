using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>A batch of ActiveMQ messages from an Amazon MQ broker, delivered by an MQ event source mapping.</summary>
public sealed record ActiveMqEvent
{
    /// <summary>The event source, always <c>aws:mq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The ARN of the Amazon MQ broker.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string EventSourceArn { get; init; } = "";

    /// <summary>The messages in the batch.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<ActiveMqMessage> Messages { get; init; } = [];
}

/// <summary>One JMS message of an <see cref="ActiveMqEvent"/>.</summary>
public sealed record ActiveMqMessage
{
    /// <summary>The JMS message id.</summary>
    [JsonPropertyName("messageID")]
    public string MessageId { get; init; } = "";

    /// <summary>The JMS message kind, such as <c>jms/text-message</c> or <c>jms/bytes-message</c>.</summary>
    [JsonPropertyName("messageType")]
    public string MessageType { get; init; } = "";

    /// <summary>When the message was sent, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timestamp")]
    public long Timestamp { get; init; }

    /// <summary>The JMS delivery mode: 1 for non-persistent, 2 for persistent.</summary>
    [JsonPropertyName("deliveryMode")]
    public int DeliveryMode { get; init; }

    /// <summary>The JMS correlation id; null or empty when not set.</summary>
    [JsonPropertyName("correlationID")]
    public string? CorrelationId { get; init; }

    /// <summary>The destination replies should go to, as text; null when not set.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; init; }

    /// <summary>The queue or topic the message was sent to.</summary>
    [JsonPropertyName("destination")]
    public ActiveMqDestination Destination { get; init; } = new();

    /// <summary>Whether the broker delivered the message before.</summary>
    [JsonPropertyName("redelivered")]
    public bool Redelivered { get; init; }

    /// <summary>The JMS message type the sender set; null or empty when not set.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>When the message expires, in milliseconds since the Unix epoch; 0 when it never does.</summary>
    [JsonPropertyName("expiration")]
    public long Expiration { get; init; }

    /// <summary>The JMS priority, from 0 to 9.</summary>
    [JsonPropertyName("priority")]
    public int Priority { get; init; }

    /// <summary>The message body, decoded from base64.</summary>
    [JsonPropertyName("data")]
    public byte[]? Data { get; init; }

    /// <summary>When the message reached the broker, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("brokerInTime")]
    public long BrokerInTime { get; init; }

    /// <summary>When the message left the broker, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("brokerOutTime")]
    public long BrokerOutTime { get; init; }

    /// <summary>The JMS message properties the sender set, as text.</summary>
    [JsonPropertyName("properties")]
    public IReadOnlyDictionary<string, string>? Properties { get; init; }
}

/// <summary>The destination of an ActiveMQ message.</summary>
public sealed record ActiveMqDestination
{
    /// <summary>The name of the queue or topic.</summary>
    [JsonPropertyName("physicalName")]
    public string PhysicalName { get; init; } = "";
}
