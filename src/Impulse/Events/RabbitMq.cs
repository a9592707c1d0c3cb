using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>A batch of RabbitMQ messages from an Amazon MQ broker, delivered by an MQ event source mapping.</summary>
public sealed record RabbitMqEvent
{
    /// <summary>The event source, always <c>aws:rmq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The ARN of the Amazon MQ broker.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string EventSourceArn { get; init; } = "";

    /// <summary>The messages, grouped by <c>queue::virtual-host</c> key such as <c>orders::/</c>.</summary>
    [JsonPropertyName("rmqMessagesByQueue")]
    public IReadOnlyDictionary<string, IReadOnlyList<RabbitMqMessage>> RmqMessagesByQueue { get; init; } = ReadOnlyDictionary<string, IReadOnlyList<RabbitMqMessage>>.Empty;
}

/// <summary>One RabbitMQ message of a <see cref="RabbitMqEvent"/>.</summary>
public sealed record RabbitMqMessage
{
    /// <summary>The message's AMQP basic properties.</summary>
    [JsonPropertyName("basicProperties")]
    public RabbitMqBasicProperties BasicProperties { get; init; } = new();

    /// <summary>Whether the broker delivered the message before.</summary>
    [JsonPropertyName("redelivered")]
    public bool Redelivered { get; init; }

    /// <summary>The message body, decoded from base64.</summary>
    [JsonPropertyName("data")]
    public byte[]? Data { get; init; }
}

/// <summary>The AMQP 0-9-1 basic properties of a RabbitMQ message; each is null when the publisher did not set it.</summary>
public sealed record RabbitMqBasicProperties
{
    /// <summary>The MIME type of the body.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; init; }

    /// <summary>The content encoding of the body.</summary>
    [JsonPropertyName("contentEncoding")]
    public string? ContentEncoding { get; init; }

    /// <summary>The message headers; free-form JSON, as AWS writes byte strings as <c>{"bytes": [...]}</c> and numbers as numbers.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, JsonElement>? Headers { get; init; }

    /// <summary>The delivery mode: 1 for transient, 2 for persistent.</summary>
    [JsonPropertyName("deliveryMode")]
    public int? DeliveryMode { get; init; }

    /// <summary>The message priority.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; init; }

    /// <summary>The correlation id the publisher set.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; init; }

    /// <summary>The queue replies should go to.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; init; }

    /// <summary>The message's time to live in milliseconds, as text.</summary>
    [JsonPropertyName("expiration")]
    public string? Expiration { get; init; }

    /// <summary>The message id the publisher set.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; init; }

    /// <summary>The publisher's timestamp, as AWS formats it (<c>Jan 1, 1970, 12:33:41 AM</c>).</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; init; }

    /// <summary>The message type name the publisher set.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>The user id that published the message.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }

    /// <summary>The application id the publisher set.</summary>
    [JsonPropertyName("appId")]
    public string? AppId { get; init; }

    /// <summary>The cluster id, deprecated in AMQP 0-9-1.</summary>
    [JsonPropertyName("clusterId")]
    public string? ClusterId { get; init; }

    /// <summary>The size of the body in bytes.</summary>
    [JsonPropertyName("bodySize")]
    public long BodySize { get; init; }
}
