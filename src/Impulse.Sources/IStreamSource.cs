namespace Impulse.Sources;

// A sketch, not yet implemented by any source: it is here so the queue contract above stays queue-shaped.
// Streams (Kinesis, DynamoDB Streams, Kafka, Redis Streams read by position) differ from queues in kind, not
// degree: records are ordered within a partition, nothing is hidden or deleted, and progress is a checkpoint per
// partition and consumer. Lambda retries a failed stream batch in place (blocking that partition) rather than
// redelivering single records, so the poller owns retries, bisection and on-failure destinations.

/// <summary>
/// An ordered, partitioned stream read by position (Kinesis or DynamoDB Streams semantics). A design sketch:
/// no source implements it yet, and it may change before one does.
/// </summary>
public interface IStreamSource : IAsyncDisposable
{
    /// <summary>The stream's name, as pull triggers and configuration name it.</summary>
    string Name { get; }

    /// <summary>The stream's partitions (Kinesis shards, Kafka partitions) at this moment.</summary>
    ValueTask<IReadOnlyList<string>> GetPartitionsAsync(CancellationToken cancel = default);

    /// <summary>Reads up to <paramref name="maxRecords"/> records of one partition after
    /// <paramref name="after"/> (null for the start position the trigger chose), waiting up to
    /// <paramref name="waitTime"/> for the first one.</summary>
    ValueTask<IReadOnlyList<StreamRecord>> ReadAsync(
        string partition,
        string? after,
        int maxRecords,
        TimeSpan waitTime,
        CancellationToken cancel = default);

    /// <summary>The last position <paramref name="consumer"/> finished in the partition, or null for none.</summary>
    ValueTask<string?> GetCheckpointAsync(string consumer, string partition, CancellationToken cancel = default);

    /// <summary>Records durably that <paramref name="consumer"/> has finished every record up to and including
    /// <paramref name="sequenceNumber"/> in the partition.</summary>
    ValueTask CheckpointAsync(string consumer, string partition, string sequenceNumber, CancellationToken cancel = default);
}

/// <summary>One record of a stream partition. Part of the <see cref="IStreamSource"/> sketch.</summary>
/// <param name="Partition">The partition it was read from.</param>
/// <param name="SequenceNumber">Its position in the partition, ordered by the source's own comparison.</param>
/// <param name="PartitionKey">The key the producer chose, which picked the partition.</param>
/// <param name="Data">The record's payload.</param>
/// <param name="ArrivalTimestamp">When the stream stored it.</param>
public sealed record StreamRecord(
    string Partition,
    string SequenceNumber,
    string PartitionKey,
    ReadOnlyMemory<byte> Data,
    DateTimeOffset ArrivalTimestamp);
