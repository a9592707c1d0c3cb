using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>
/// The strings a generated reader last read for the properties of a record type that repeat from record
/// to record of a batch, one slot per property. It lives on the stack of one read of a list, so no
/// thread shares it and nothing outlives the read.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[InlineArray(Slots)]
public struct JsonRepeatedText
{
    /// <summary>How many repeating properties one record type can have remembered; the generator uses no more.</summary>
    public const int Slots = 4;

    private string? _first;

    /// <summary>
    /// Reads a string or null, returning <paramref name="last"/> itself when the token's bytes are the same
    /// ASCII text, and remembering a newly made ASCII string in it. Escaped, split or non-ASCII text takes
    /// the ordinary checked path and is not remembered, so equal bytes always mean an equal value.
    /// </summary>
    public static string? Read(ref Utf8JsonReader reader, ref string? last)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var bytes = reader.ValueSpan;
            var cached = last;
            if (cached is not null && cached.Length == bytes.Length && System.Text.Ascii.Equals(bytes, cached))
                return cached;
            if (JsonRead.Plain(bytes) is { } plain)
                return last = plain;
        }
        return JsonRead.String(ref reader);
    }
}
