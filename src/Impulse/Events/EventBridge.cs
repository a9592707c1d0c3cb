using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>
/// An Amazon EventBridge event whose <c>detail</c> reads as <typeparamref name="TDetail"/>: a record of the
/// detail's fields, a built-in one such as <see cref="S3EventBridgeDetail"/>, or <see cref="JsonElement"/> to keep it free-form.
/// </summary>
/// <typeparam name="TDetail">The type of the event's <c>detail</c>.</typeparam>
public sealed record EventBridgeEvent<TDetail>
{
    /// <summary>The envelope version, always <c>0</c>.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>A unique id of the event.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>What kind of event this is, with <see cref="Source"/>, such as <c>Object Created</c>.</summary>
    [JsonPropertyName("detail-type")]
    public string DetailType { get; init; } = "";

    /// <summary>The service or application that sent the event, such as <c>aws.s3</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>The AWS account id the event came from.</summary>
    [JsonPropertyName("account")]
    public string Account { get; init; } = "";

    /// <summary>When the event happened, as the sender says.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>The AWS Region the event came from.</summary>
    [JsonPropertyName("region")]
    public string Region { get; init; } = "";

    /// <summary>The ARNs of the resources the event concerns.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The event's own data, whose shape <see cref="Source"/> and <see cref="DetailType"/> decide.</summary>
    [JsonPropertyName("detail")]
    public TDetail? Detail { get; init; }

    /// <summary>The name of the archive replay that resent the event; absent for live events.</summary>
    [JsonPropertyName("replay-name")]
    public string? ReplayName { get; init; }
}

/// <summary>
/// The event an EventBridge schedule (a <c>rate(...)</c> or <c>cron(...)</c> rule) sends: an EventBridge
/// envelope with <c>source</c> <c>aws.events</c>, <c>detail-type</c> <c>Scheduled Event</c> and an empty <c>detail</c>.
/// </summary>
public sealed record ScheduledEvent
{
    /// <summary>The envelope version, always <c>0</c>.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>A unique id of the event.</summary>
    [JsonPropertyName("id")]
    public string Id { get; init; } = "";

    /// <summary>The event kind, always <c>Scheduled Event</c>.</summary>
    [JsonPropertyName("detail-type")]
    public string DetailType { get; init; } = "";

    /// <summary>The sender, always <c>aws.events</c>.</summary>
    [JsonPropertyName("source")]
    public string Source { get; init; } = "";

    /// <summary>The AWS account id of the rule.</summary>
    [JsonPropertyName("account")]
    public string Account { get; init; } = "";

    /// <summary>The time the schedule fired for.</summary>
    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }

    /// <summary>The AWS Region of the rule.</summary>
    [JsonPropertyName("region")]
    public string Region { get; init; } = "";

    /// <summary>The ARN of the rule that fired.</summary>
    [JsonPropertyName("resources")]
    public IReadOnlyList<string> Resources { get; init; } = [];

    /// <summary>The detail, an empty object for schedules; kept as JSON (an empty object unless set).</summary>
    [JsonPropertyName("detail")]
    public JsonElement Detail { get; init; } = EmptyObject;

    // A default JsonElement cannot be written, so a ScheduledEvent built in code still serializes.
    private static readonly JsonElement EmptyObject = JsonElement.Parse("{}");
}

/// <summary>The <c>detail</c> of the Amazon S3 events sent to EventBridge (<c>Object Created</c>, <c>Object Deleted</c> and others): use <c>EventBridgeEvent&lt;S3EventBridgeDetail&gt;</c>.</summary>
public sealed record S3EventBridgeDetail
{
    /// <summary>The version of the detail's format.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>The bucket the event concerns.</summary>
    [JsonPropertyName("bucket")]
    public S3EventBridgeBucket Bucket { get; init; } = new();

    /// <summary>The object the event concerns.</summary>
    [JsonPropertyName("object")]
    public S3EventBridgeObject Object { get; init; } = new();

    /// <summary>The S3 request id of the request that caused the event.</summary>
    [JsonPropertyName("request-id")]
    public string RequestId { get; init; } = "";

    /// <summary>The account id or AWS service principal that made the request.</summary>
    [JsonPropertyName("requester")]
    public string Requester { get; init; } = "";

    /// <summary>The IP address the request came from; absent for requests S3 made itself.</summary>
    [JsonPropertyName("source-ip-address")]
    public string? SourceIpAddress { get; init; }

    /// <summary>The API call behind the event, such as <c>PutObject</c> or <c>DeleteObject</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>For <c>Object Deleted</c>: <c>Permanently Deleted</c> or <c>Delete Marker Created</c>.</summary>
    [JsonPropertyName("deletion-type")]
    public string? DeletionType { get; init; }
}

/// <summary>The bucket named in an S3 EventBridge event.</summary>
public sealed record S3EventBridgeBucket
{
    /// <summary>The bucket name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";
}

/// <summary>The object named in an S3 EventBridge event.</summary>
public sealed record S3EventBridgeObject
{
    /// <summary>The object key.</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The object size in bytes; absent for deletions.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>The object's entity tag; absent for deletions.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    /// <summary>The object version id; present only for versioned buckets.</summary>
    [JsonPropertyName("version-id")]
    public string? VersionId { get; init; }

    /// <summary>A hex value that orders events for the same key: a greater sequencer is a later event.</summary>
    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; init; }
}
