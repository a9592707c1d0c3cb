using System.ComponentModel;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>Property-name helpers for generated readers, off their fast path.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonReadNames
{
    /// <summary>The unescaped UTF-8 bytes of an escaped property name (rare: <c>"\u0069d"</c> for <c>"id"</c>).</summary>
    public static byte[] Unescape(ref Utf8JsonReader reader)
    {
        var buffer = new byte[reader.ValueSpan.Length];
        int written;
        try
        {
            written = reader.CopyString(buffer);
        }
        catch (InvalidOperationException e)
        {
            throw JsonRead.InvalidText(e);
        }
        return written == buffer.Length ? buffer : buffer[..written];
    }

    /// <summary>
    /// Reads a dictionary key, reusing the string read at the same position of the same kind of dictionary
    /// last time when the bytes are the same ASCII text. Keys are names (attribute and header names), which
    /// repeat from record to record of a batch; reusing them spares a string per key. Any thread may share
    /// <paramref name="cache"/>: a slot is only reused after its text is compared, so a race costs a miss.
    /// </summary>
    public static string Key(ref Utf8JsonReader reader, string?[] cache, int position)
    {
        if ((uint)position >= (uint)cache.Length || reader.ValueIsEscaped || reader.HasValueSequence)
            return JsonRead.Text(ref reader);
        var bytes = reader.ValueSpan;
        var cached = cache[position];
        if (cached is not null && cached.Length == bytes.Length && System.Text.Ascii.Equals(bytes, cached))
            return cached;
        var key = JsonRead.Text(ref reader);
        // Long keys are not kept: the cache should not hold large text alive between reads.
        if (key.Length <= MaxCachedKeyLength)
            cache[position] = key;
        return key;
    }

    /// <summary>How many keys of one kind of dictionary <see cref="Key"/> remembers, by position.</summary>
    public const int CachedKeys = 16;

    private const int MaxCachedKeyLength = 128;

    /// <summary>Compares UTF-8 names ignoring ASCII case, as the opt-in case-insensitive matching does.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) =>
        System.Text.Ascii.EqualsIgnoreCase(name, expected);
}
