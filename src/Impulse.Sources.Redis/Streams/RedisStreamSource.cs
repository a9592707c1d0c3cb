using System.Globalization;
using StackExchange.Redis;

namespace Impulse.Sources.Redis.Streams;

/// <summary>
/// A stream on Redis: one Redis stream per shard (<c>PREFIX:kinesis:NAME:SHARD</c>), records added with <c>XADD</c>
/// and read by id with <c>XRANGE</c>, and every consumer's checkpoints in one hash. Nothing is trimmed, so records
/// stay until the keys are deleted.
/// </summary>
/// <remarks>
/// Sequence numbers are Redis entry ids (<c>ms-seq</c>) written as fixed-width digits, so they compare ordinally as
/// the entries are ordered. Reads poll, since a blocking <c>XREAD</c> would stall the connection every caller shares.
/// </remarks>
internal sealed class RedisStreamSource : IStreamSource
{
    private const int MillisecondsWidth = 15;

    // A checkpoint only moves forward: a late write from a batch that another poller already passed must not rewind it.
    // Sequence numbers are fixed-width digits, so Lua's string comparison orders them. Run through ServerScript, whose
    // plain key and value arrays stay AOT-safe where LuaScript's reflection-bound parameters would not.
    private static readonly ServerScript AdvanceCheckpoint = new("""
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        if (not current) or current < ARGV[2] then
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        end
        return 1
        """);

    private readonly IDatabase _database;
    private readonly string _prefix;
    private readonly int _shardCount;
    private readonly IReadOnlyList<string> _shards;
    private readonly TimeSpan _pollInterval;
    private readonly CancellationToken _closing;

    public RedisStreamSource(IDatabase database, string prefix, string name, int shardCount, TimeSpan pollInterval, CancellationToken closing)
    {
        _database = database;
        _prefix = $"{prefix}:kinesis:{name}";
        Name = name;
        _shardCount = shardCount;
        _shards = Enumerable.Range(0, shardCount).Select(StreamShards.IdOf).ToArray();
        _pollInterval = pollInterval;
        _closing = closing;
    }

    public string Name { get; }

    /// <summary>The key that fixes a stream's shard count for every process that opens it.</summary>
    public static RedisKey ShardCountKey(string prefix, string name) => $"{prefix}:kinesis:{name}:shards";

    public ValueTask<IReadOnlyList<string>> GetShardsAsync(CancellationToken cancel = default) => ValueTask.FromResult(_shards);

    public async ValueTask<StreamPutResult> PutAsync(string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default)
    {
        var shard = StreamShards.ShardFor(partitionKey, _shardCount);
        cancel.ThrowIfCancellationRequested();
        var id = await _database.StreamAddAsync(ShardKey(shard), [new("k", partitionKey), new("d", data)]).ConfigureAwait(false);
        return new StreamPutResult(StreamShards.IdOf(shard), ToSequenceNumber(id!));
    }

    public async ValueTask<IReadOnlyList<StreamRecord>> ReadAsync(string shard, string? after, int maxRecords, TimeSpan waitTime, CancellationToken cancel = default)
    {
        var key = ShardKey(ShardIndex(shard));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRecords, 1);
        // Exclusive ranges ("(id") need Redis 6.2.
        var from = after is null ? "-" : "(" + ToEntryId(after);
        var deadline = DateTimeOffset.UtcNow + waitTime;
        while (true)
        {
            var entries = await _database.StreamRangeAsync(key, from, "+", maxRecords).ConfigureAwait(false);
            if (entries.Length > 0 || DateTimeOffset.UtcNow >= deadline)
                return entries.Select(e => ToRecord(shard, e)).ToList();
            var pause = deadline - DateTimeOffset.UtcNow;
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancel, _closing);
            try
            {
                await Task.Delay(pause < _pollInterval ? pause : _pollInterval, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                return [];
            }
        }
    }

    public async ValueTask<string?> GetLatestSequenceNumberAsync(string shard, CancellationToken cancel = default)
    {
        var entries = await _database.StreamRangeAsync(ShardKey(ShardIndex(shard)), "-", "+", 1, Order.Descending).ConfigureAwait(false);
        return entries.Length == 0 ? null : ToSequenceNumber(entries[0].Id!);
    }

    public async ValueTask<string?> GetCheckpointAsync(string consumer, string shard, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        var value = await _database.HashGetAsync(CheckpointsKey, CheckpointField(consumer, ShardIndex(shard))).ConfigureAwait(false);
        return value.IsNull ? null : value.ToString();
    }

    public async ValueTask CheckpointAsync(string consumer, string shard, string sequenceNumber, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(consumer);
        ToEntryId(sequenceNumber);
        await AdvanceCheckpoint.EvaluateAsync(_database, [CheckpointsKey], [CheckpointField(consumer, ShardIndex(shard)), sequenceNumber]).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private RedisKey CheckpointsKey => $"{_prefix}:checkpoints";

    private RedisKey ShardKey(int index) => $"{_prefix}:{index}";

    private static string CheckpointField(string consumer, int shard) => $"{consumer}|{shard}";

    private static StreamRecord ToRecord(string shard, StreamEntry entry)
    {
        var sequence = ToSequenceNumber(entry.Id!);
        var milliseconds = long.Parse(sequence.AsSpan(0, MillisecondsWidth), NumberStyles.None, CultureInfo.InvariantCulture);
        return new StreamRecord(shard, sequence, entry["k"].ToString(), (byte[])entry["d"]!, DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));
    }

    /// <summary>A Redis entry id (<c>1700000000000-3</c>) as 25 digits: milliseconds then the sequence, each zero-padded.</summary>
    private static string ToSequenceNumber(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var milliseconds = long.Parse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture);
        var sequence = long.Parse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return milliseconds.ToString("D15", CultureInfo.InvariantCulture) + sequence.ToString("D10", CultureInfo.InvariantCulture);
    }

    private static string ToEntryId(string sequenceNumber)
    {
        if (sequenceNumber.Length != MillisecondsWidth + 10
            || !long.TryParse(sequenceNumber.AsSpan(0, MillisecondsWidth), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            || !long.TryParse(sequenceNumber.AsSpan(MillisecondsWidth), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            throw new ArgumentException($"'{sequenceNumber}' is not a sequence number of this stream.", nameof(sequenceNumber));
        }

        return $"{milliseconds.ToString(CultureInfo.InvariantCulture)}-{sequence.ToString(CultureInfo.InvariantCulture)}";
    }

    private int ShardIndex(string shard)
    {
        var index = StreamShards.IndexOf(shard, _shardCount);
        return index >= 0
            ? index
            : throw new ArgumentException($"Stream '{Name}' has no shard '{shard}'; its shards are {_shards[0]} to {_shards[^1]}.", nameof(shard));
    }
}
