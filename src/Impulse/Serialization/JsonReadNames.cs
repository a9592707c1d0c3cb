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

    /// <summary>Compares UTF-8 names ignoring ASCII case, as the opt-in case-insensitive matching does.</summary>
    public static bool EqualsIgnoreCase(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) =>
        System.Text.Ascii.EqualsIgnoreCase(name, expected);
}
