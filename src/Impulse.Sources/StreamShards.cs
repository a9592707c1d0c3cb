using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Impulse.Sources;

/// <summary>Shard ids as Kinesis writes them, and the partition-key hash that picks a shard, shared by stream sources.</summary>
public static class StreamShards
{
    /// <summary>Kinesis's longest partition key.</summary>
    public const int MaxPartitionKeyLength = 256;

    private const string Prefix = "shardId-";

    /// <summary>The id of shard <paramref name="index"/>, as Kinesis names shards (<c>shardId-000000000000</c>).</summary>
    public static string IdOf(int index) => Prefix + index.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The index of a shard id, or -1 when it is not one of <paramref name="count"/> shards.</summary>
    public static int IndexOf(string shard, int count)
        => shard is not null
            && shard.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(shard.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < count
            ? index
            : -1;

    /// <summary>
    /// The shard a key goes to, as Kinesis picks it: the key's MD5 as a 128-bit number, in shards that split that range
    /// evenly. The same key always lands on the same shard, which is what keeps its records in order.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty or longer than <see cref="MaxPartitionKeyLength"/>.</exception>
    public static int ShardFor(string partitionKey, int count)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (partitionKey.Length > MaxPartitionKeyLength)
            throw new ArgumentException($"A partition key has at most {MaxPartitionKeyLength} characters; this one has {partitionKey.Length}.", nameof(partitionKey));
        // MD5 here is Kinesis's key-to-shard mapping, not security.
#pragma warning disable CA5351
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(Encoding.UTF8.GetBytes(partitionKey), hash);
#pragma warning restore CA5351
        var value = new UInt128(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash), System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
        // The last shard also takes the few values the integer division leaves over.
        return (int)UInt128.Min(value / (UInt128.MaxValue / (UInt128)count), (UInt128)(count - 1));
    }
}
