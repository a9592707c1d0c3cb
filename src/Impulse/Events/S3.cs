using System.Text.Json.Serialization;
using Impulse.Serialization;

namespace Impulse.Events;

/// <summary>An Amazon S3 event notification delivered directly to a function.</summary>
public sealed record S3Event
{
    /// <summary>The notifications; S3 sends one per invocation.</summary>
    [JsonPropertyName("Records")]
    public IReadOnlyList<S3EventRecord> Records { get; init; } = [];
}

/// <summary>One S3 event notification record.</summary>
public sealed record S3EventRecord
{
    /// <summary>The version of the record format, such as <c>2.1</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventVersion")]
    public string EventVersion { get; init; } = "";

    /// <summary>The event source, always <c>aws:s3</c>.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("eventSource")]
    public string EventSource { get; init; } = "";

    /// <summary>The AWS Region of the bucket.</summary>
    [RepeatsInBatch]
    [JsonPropertyName("awsRegion")]
    public string AwsRegion { get; init; } = "";

    /// <summary>When S3 finished processing the request that caused the event.</summary>
    [JsonPropertyName("eventTime")]
    public DateTimeOffset EventTime { get; init; }

    /// <summary>The event type, such as <c>ObjectCreated:Put</c> or <c>ObjectRemoved:Delete</c>.</summary>
    [JsonPropertyName("eventName")]
    public string EventName { get; init; } = "";

    /// <summary>The principal that made the request.</summary>
    [JsonPropertyName("userIdentity")]
    public S3UserIdentity UserIdentity { get; init; } = new();

    /// <summary>Details of the request that caused the event.</summary>
    [JsonPropertyName("requestParameters")]
    public S3RequestParameters RequestParameters { get; init; } = new();

    /// <summary>The S3 request ids of the request, for AWS support.</summary>
    [JsonPropertyName("responseElements")]
    public S3ResponseElements ResponseElements { get; init; } = new();

    /// <summary>The bucket, object and notification configuration the event concerns.</summary>
    [JsonPropertyName("s3")]
    public S3Entity S3 { get; init; } = new();

    /// <summary>Restore details, present only for <c>ObjectRestore:Completed</c> events.</summary>
    [JsonPropertyName("glacierEventData")]
    public S3GlacierEventData? GlacierEventData { get; init; }
}

/// <summary>An AWS principal named in an S3 event.</summary>
public sealed record S3UserIdentity
{
    /// <summary>The Amazon customer id of the principal.</summary>
    [JsonPropertyName("principalId")]
    public string PrincipalId { get; init; } = "";
}

/// <summary>Details of the request that caused an S3 event.</summary>
public sealed record S3RequestParameters
{
    /// <summary>The IP address the request came from.</summary>
    [JsonPropertyName("sourceIPAddress")]
    public string SourceIpAddress { get; init; } = "";
}

/// <summary>The S3 request ids of the request that caused an event.</summary>
public sealed record S3ResponseElements
{
    /// <summary>The request id S3 generated (<c>x-amz-request-id</c>).</summary>
    [JsonPropertyName("x-amz-request-id")]
    public string? RequestId { get; init; }

    /// <summary>The id of the host that processed the request (<c>x-amz-id-2</c>).</summary>
    [JsonPropertyName("x-amz-id-2")]
    public string? HostId { get; init; }
}

/// <summary>The <c>s3</c> part of an S3 event record: bucket, object and notification configuration.</summary>
public sealed record S3Entity
{
    /// <summary>The version of the <c>s3</c> part's format.</summary>
    [JsonPropertyName("s3SchemaVersion")]
    public string S3SchemaVersion { get; init; } = "";

    /// <summary>The id of the bucket's notification configuration that matched.</summary>
    [JsonPropertyName("configurationId")]
    public string ConfigurationId { get; init; } = "";

    /// <summary>The bucket the event concerns.</summary>
    [JsonPropertyName("bucket")]
    public S3Bucket Bucket { get; init; } = new();

    /// <summary>The object the event concerns.</summary>
    [JsonPropertyName("object")]
    public S3Object Object { get; init; } = new();
}

/// <summary>The bucket named in an S3 event.</summary>
public sealed record S3Bucket
{
    /// <summary>The bucket name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = "";

    /// <summary>The bucket owner.</summary>
    [JsonPropertyName("ownerIdentity")]
    public S3UserIdentity OwnerIdentity { get; init; } = new();

    /// <summary>The bucket ARN.</summary>
    [JsonPropertyName("arn")]
    public string Arn { get; init; } = "";
}

/// <summary>The object named in an S3 event.</summary>
public sealed record S3Object
{
    /// <summary>The object key, URL-encoded as S3 sends it (a space arrives as <c>%20</c> or <c>+</c>).</summary>
    [JsonPropertyName("key")]
    public string Key { get; init; } = "";

    /// <summary>The object size in bytes; absent for deletions.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>The object's entity tag; absent for deletions.</summary>
    [JsonPropertyName("eTag")]
    public string? ETag { get; init; }

    /// <summary>The object version id; present only for versioned buckets.</summary>
    [JsonPropertyName("versionId")]
    public string? VersionId { get; init; }

    /// <summary>A hex value that orders events for the same key: a greater sequencer is a later event.</summary>
    [JsonPropertyName("sequencer")]
    public string Sequencer { get; init; } = "";
}

/// <summary>The <c>glacierEventData</c> of an S3 restore-completed event.</summary>
public sealed record S3GlacierEventData
{
    /// <summary>The restore that completed.</summary>
    [JsonPropertyName("restoreEventData")]
    public S3RestoreEventData RestoreEventData { get; init; } = new();
}

/// <summary>Details of a completed restore of an archived S3 object.</summary>
public sealed record S3RestoreEventData
{
    /// <summary>When the restored copy expires and is removed.</summary>
    [JsonPropertyName("lifecycleRestorationExpiryTime")]
    public DateTimeOffset LifecycleRestorationExpiryTime { get; init; }

    /// <summary>The storage class the object was restored from, such as <c>GLACIER</c>.</summary>
    [JsonPropertyName("lifecycleRestoreStorageClass")]
    public string LifecycleRestoreStorageClass { get; init; } = "";
}
