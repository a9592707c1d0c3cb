namespace Impulse.Sources.Embedded.Streams;

/// <summary>
/// A stream of an <see cref="EmbeddedStreamDatabase"/>: records hashed to a fixed number of shards by partition key,
/// read by sequence number, with a checkpoint per consumer and shard. Disposing it does nothing; the database owns
/// the file.
/// </summary>
internal sealed class EmbeddedStream : IStreamSource
{
    private readonly EmbeddedStreamDatabase _database;
    private readonly long _id;
    private readonly int _shardCount;
    private readonly IReadOnlyList<string> _shards;
    // Wakes this process's waiting reads when a put commits; records put by another process are seen at the next poll.
    private readonly QueueSignal _signal = new();

    public EmbeddedStream(EmbeddedStreamDatabase database, string name, long id, int shardCount)
    {
        _database = database;
        Name = name;
        _id = id;
        _shardCount = shardCount;
        _shards = Enumerable.Range(0, shardCount).Select(StreamShards.IdOf).ToArray();
    }

    public string Name { get; }

    public ValueTask<IReadOnlyList<string>> GetShardsAsync(CancellationToken cancel = default) => ValueTask.FromResult(_shards);

    public async ValueTask<StreamPutResult> PutAsync(string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        var shard = StreamShards.ShardFor(partitionKey, _shardCount);
        var now = _database.Options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var seq = await _database.Puts.PutAsync(_id, shard, partitionKey, data.ToArray(), now).ConfigureAwait(false);
        _signal.Pulse();
        return new StreamPutResult(StreamShards.IdOf(shard), SequenceNumbers.Format(seq));
    }

    public async ValueTask<IReadOnlyList<StreamRecord>> ReadAsync(string shard, string? after, int maxRecords, TimeSpan waitTime, CancellationToken cancel = default)
    {
        var index = ShardIndex(shard);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        var from = after is null ? 0 : SequenceNumbers.Parse(after);
        var time = _database.Options.TimeProvider;
        var deadline = time.GetUtcNow() + waitTime;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _database.Closing);
        while (true)
        {
            // Taken before the look, so a put that commits between the look and the wait still wakes this read.
            var next = _signal.Next;
            var records = ReadNow(shard, index, from, maxRecords);
            var remaining = deadline - time.GetUtcNow();
            if (records.Count > 0 || remaining <= TimeSpan.Zero)
                return records;
            var poll = remaining < _database.Options.PollInterval ? remaining : _database.Options.PollInterval;
            try
            {
                await next.WaitAsync(poll, time, linked.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                // The database is closing: the next look reports it.
            }

            cancel.ThrowIfCancellationRequested();
        }
    }

    public ValueTask<string?> GetLatestSequenceNumberAsync(string shard, CancellationToken cancel = default)
    {
        var index = ShardIndex(shard);
        var seq = _database.Run(command =>
        {
            command.CommandText = StreamSchema.Latest;
            command.Parameters.AddWithValue("$stream", _id);
            command.Parameters.AddWithValue("$shard", index);
            return command.ExecuteScalar();
        });
        return ValueTask.FromResult(seq is long value ? SequenceNumbers.Format(value) : null);
    }

    public ValueTask<string?> GetCheckpointAsync(string consumer, string shard, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var index = ShardIndex(shard);
        var seq = _database.Run(command =>
        {
            command.CommandText = StreamSchema.GetCheckpoint;
            command.Parameters.AddWithValue("$stream", _id);
            command.Parameters.AddWithValue("$consumer", consumer);
            command.Parameters.AddWithValue("$shard", index);
            return command.ExecuteScalar();
        });
        return ValueTask.FromResult(seq is long value ? SequenceNumbers.Format(value) : null);
    }

    public ValueTask CheckpointAsync(string consumer, string shard, string sequenceNumber, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var index = ShardIndex(shard);
        var seq = SequenceNumbers.Parse(sequenceNumber);
        _database.Run(command =>
        {
            command.CommandText = StreamSchema.SetCheckpoint;
            command.Parameters.AddWithValue("$stream", _id);
            command.Parameters.AddWithValue("$consumer", consumer);
            command.Parameters.AddWithValue("$shard", index);
            command.Parameters.AddWithValue("$seq", seq);
            return command.ExecuteNonQuery();
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private List<StreamRecord> ReadNow(string shard, int index, long after, int maxRecords) => _database.Run(command =>
    {
        command.CommandText = StreamSchema.Read;
        command.Parameters.AddWithValue("$stream", _id);
        command.Parameters.AddWithValue("$shard", index);
        command.Parameters.AddWithValue("$after", after);
        command.Parameters.AddWithValue("$limit", maxRecords);
        var records = new List<StreamRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new StreamRecord(
                shard,
                SequenceNumbers.Format(reader.GetInt64(0)),
                reader.GetString(1),
                (byte[])reader.GetValue(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3))));
        }

        return records;
    });

    private int ShardIndex(string shard)
    {
        ArgumentException.ThrowIfNullOrEmpty(shard);
        var index = StreamShards.IndexOf(shard, _shardCount);
        return index >= 0
            ? index
            : throw new ArgumentException($"Stream '{Name}' has no shard '{shard}'; its shards are {_shards[0]} to {_shards[^1]}.", nameof(shard));
    }
}
