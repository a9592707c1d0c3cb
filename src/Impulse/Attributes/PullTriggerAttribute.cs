namespace Impulse;

/// <summary>A source that a poller reads in batches, as Lambda event source mappings do.</summary>
public enum PullSource
{
    /// <summary>A queue (SQS locally backed by the embedded queue or a configured broker).</summary>
    Queue,
    /// <summary>An ordered stream of records with Kinesis semantics: ordered per partition key, checkpointed per shard.</summary>
    Stream,
    /// <summary>A DynamoDB table's change stream: ordered per item key, checkpointed per shard, as Kinesis is.</summary>
    DynamoDbStream,
}

/// <summary>Declares a pull source whose records are delivered to the function in batches.</summary>
/// <param name="source">The kind of source.</param>
/// <param name="name">The queue or stream name, mapped to a concrete source by configuration.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PullTriggerAttribute(PullSource source, string name) : Attribute
{
    /// <summary>The kind of source.</summary>
    public PullSource Source { get; } = source;

    /// <summary>The queue or stream name.</summary>
    public string Name { get; } = name;

    /// <summary>Most records per batch. Lambda's default for SQS is 10.</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long the poller may wait to fill a batch, 0–300 seconds.</summary>
    public int MaxBatchingWindowSeconds { get; set; }

    /// <summary>Most concurrent invocations this source may drive; 0 means no limit beyond the function's.</summary>
    public int MaxConcurrency { get; set; }

    /// <summary>How many times a record is retried (streams) or received (queues) before it goes to the dead-letter queue.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The queue that receives records that keep failing; none when null.</summary>
    public string? DeadLetterQueue { get; set; }

    /// <summary>
    /// Streams only: on a function error, split the failed batch in halves and retry each on its own, so a poison
    /// record is isolated without failing the records around it. Splitting does not count as a retry.
    /// </summary>
    public bool BisectBatchOnFunctionError { get; set; }

    /// <summary>
    /// Streams only: where a trigger with no checkpoint starts reading, <c>TRIM_HORIZON</c> (the oldest record, the
    /// default) or <c>LATEST</c> (only records added after it starts), as Lambda's event source mapping names them.
    /// </summary>
    public string StartingPosition { get; set; } = "TRIM_HORIZON";
}
