using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Impulse.Sources.Embedded.Streams;

/// <summary>Shard ids and sequence numbers as Kinesis writes them, and the partition-key hash that picks a shard.</summary>
internal static class ShardIds
{
    /// <summary>Kinesis's longest partition key.</summary>
    public const int MaxPartitionKeyLength = 256;

    private const string Prefix = "shardId-";

    /// <summary>The id of shard <paramref name="index"/>, as Kinesis names shards (<c>shardId-000000000000</c>).</summary>
    public static string Of(int index) => Prefix + index.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The index of a shard id, or -1 when the id is not one of this stream's.</summary>
    public static int IndexOf(string shard, int count)
        => shard.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(shard.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < count
            ? index
            : -1;

    /// <summary>
    /// The shard a key goes to, as Kinesis picks it: the key's MD5 as a 128-bit number, in shards that split that range
    /// evenly. The same key always lands on the same shard, which is what keeps its records in order.
    /// </summary>
    public static int ShardFor(string partitionKey, int count)
    {
        // MD5 here is Kinesis's key-to-shard mapping, not security.
#pragma warning disable CA5351
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(Encoding.UTF8.GetBytes(partitionKey), hash);
#pragma warning restore CA5351
        var value = new UInt128(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash), System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
        // The last shard also takes the few values the integer division leaves over.
        return (int)UInt128.Min(value / (UInt128.MaxValue / (UInt128)count), (UInt128)(count - 1));
    }

    /// <summary>A sequence number as text that sorts as the number does, ordinally (fixed width, zero-padded).</summary>
    public static string SequenceNumber(long seq) => seq.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The number a sequence number stands for.</summary>
    /// <exception cref="ArgumentException">The text is not a sequence number this stream issued.</exception>
    public static long ParseSequenceNumber(string sequenceNumber)
        => long.TryParse(sequenceNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 0
            ? seq
            : throw new ArgumentException($"'{sequenceNumber}' is not a sequence number of this stream.", nameof(sequenceNumber));
}
