namespace Impulse.Sources;

// Streams (Kinesis, DynamoDB Streams, Redis Streams read by position) differ from queues in kind, not degree: records
// are ordered within a shard, nothing is hidden or deleted, and progress is a checkpoint per shard and consumer.
// Lambda retries a failed stream batch in place (blocking that shard) rather than redelivering single records, so the
// poller owns retries, bisection and on-failure destinations; a source only stores, reads and checkpoints.

/// <summary>
/// An ordered stream split into shards, read by position (Kinesis or DynamoDB Streams semantics). A record's partition
/// key picks its shard, so records of one key keep the order they were put in.
/// </summary>
/// <remarks>Implementations are safe to call from many threads at once.</remarks>
public interface IStreamSource : IAsyncDisposable
{
    /// <summary>The stream's name, as pull triggers and configuration name it.</summary>
    string Name { get; }

    /// <summary>The stream's shard ids, in a stable order.</summary>
    ValueTask<IReadOnlyList<string>> GetShardsAsync(CancellationToken cancel = default);

    /// <summary>Stores one record on the shard its partition key hashes to, durably, and says where it went.</summary>
    /// <exception cref="ArgumentException">The partition key is empty or longer than Kinesis allows (256 characters).</exception>
    ValueTask<StreamPutResult> PutAsync(string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default);

    /// <summary>
    /// Reads up to <paramref name="maxRecords"/> records of <paramref name="shard"/> that come after the sequence number
    /// <paramref name="after"/> (null for the shard's oldest record), in order. Waits up to <paramref name="waitTime"/>
    /// for a first record and returns an empty list when none came.
    /// </summary>
    ValueTask<IReadOnlyList<StreamRecord>> ReadAsync(
        string shard,
        string? after,
        int maxRecords,
        TimeSpan waitTime,
        CancellationToken cancel = default);

    /// <summary>The sequence number of the shard's newest record, or null when it has none: where <c>LATEST</c> starts.</summary>
    ValueTask<string?> GetLatestSequenceNumberAsync(string shard, CancellationToken cancel = default);

    /// <summary>The last sequence number <paramref name="consumer"/> finished in the shard, or null for none.</summary>
    ValueTask<string?> GetCheckpointAsync(string consumer, string shard, CancellationToken cancel = default);

    /// <summary>Records durably that <paramref name="consumer"/> has finished every record of the shard up to and
    /// including <paramref name="sequenceNumber"/>.</summary>
    ValueTask CheckpointAsync(string consumer, string shard, string sequenceNumber, CancellationToken cancel = default);
}

/// <summary>Where a put record was stored.</summary>
/// <param name="Shard">The shard its partition key chose.</param>
/// <param name="SequenceNumber">Its position in the shard.</param>
public sealed record StreamPutResult(string Shard, string SequenceNumber);

/// <summary>One record of a stream shard.</summary>
/// <param name="Shard">The shard it was read from.</param>
/// <param name="SequenceNumber">Its position in the shard; later records compare greater, ordinally.</param>
/// <param name="PartitionKey">The key the producer chose, which picked the shard.</param>
/// <param name="Data">The record's payload.</param>
/// <param name="ArrivalTimestamp">When the stream stored it.</param>
public sealed record StreamRecord(
    string Shard,
    string SequenceNumber,
    string PartitionKey,
    ReadOnlyMemory<byte> Data,
    DateTimeOffset ArrivalTimestamp);

/// <summary>Opens streams of one provider, as <see cref="IQueueSourceFactory"/> opens queues.</summary>
public interface IStreamSourceFactory
{
    /// <summary>The provider name configuration selects it by, compared ignoring case (for example <c>embedded</c>).</summary>
    string Provider { get; }

    /// <summary>Opens the stream <paramref name="definition"/> describes, creating it if the provider can.</summary>
    /// <exception cref="InvalidOperationException">The definition cannot be served.</exception>
    IStreamSource Create(StreamDefinition definition);
}

/// <summary>Everything a provider needs to open one stream.</summary>
/// <param name="Name">The stream's name.</param>
/// <param name="ShardCount">How many shards a new stream gets; an existing stream keeps the count it was created with.</param>
public sealed record StreamDefinition(string Name, int ShardCount);

/// <summary>Puts records on streams by name, for functions and tools that feed other functions' stream triggers.</summary>
public interface IStreamSender
{
    /// <summary>Puts <paramref name="data"/> on the stream named <paramref name="stream"/>, on the shard
    /// <paramref name="partitionKey"/> picks, and returns where it was stored.</summary>
    ValueTask<StreamPutResult> PutRecordAsync(string stream, string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default);
}
