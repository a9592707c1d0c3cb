using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Impulse.Serialization;

/// <summary>
/// JSON text written by generated writers straight into an <see cref="IBufferWriter{T}"/>. The writers
/// know each object's shape at build time, so they write its constant text (braces, commas and
/// property names) as pre-encoded runs and only format the values here; the output is byte for byte
/// what <see cref="Utf8JsonWriter"/> writes with its default encoder. Values it does not format itself
/// (floating point, decimal, dates, base64, raw elements) go through a per-thread
/// <see cref="Utf8JsonWriter"/> at the current position.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct JsonOutput
{
    private static readonly JsonWriterOptions FallbackOptions = new() { SkipValidation = true };

    [ThreadStatic]
    private static Utf8JsonWriter? t_fallback;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _span;
    private int _pending;

    /// <summary>Starts writing at the output's current position.</summary>
    public JsonOutput(IBufferWriter<byte> output)
    {
        _output = output;
        _span = output.GetSpan();
    }

    /// <summary>Hands what was written to the output; call once, at the end.</summary>
    public void Flush()
    {
        _output.Advance(_pending);
        _pending = 0;
        _span = default;
    }

    /// <summary>Writes bytes that are already JSON text, such as a run of pre-encoded property names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> json)
    {
        var free = _span.Slice(_pending);
        if (json.Length > free.Length)
            free = Grow(json.Length);
        json.CopyTo(free);
        _pending += json.Length;
    }

    /// <summary>Writes one byte of JSON text, such as a separator.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteByte(byte json)
    {
        if ((uint)_pending >= (uint)_span.Length)
            Grow(1);
        _span[_pending++] = json;
    }

    /// <summary>Writes <c>null</c>.</summary>
    public void WriteNull() => WriteRaw("null"u8);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteBoolean(bool value) => WriteRaw(value ? "true"u8 : "false"u8);

    /// <summary>Writes an integer as <see cref="Utf8JsonWriter"/> does: invariant digits, no exponent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteNumber(long value)
    {
        var free = _span.Slice(_pending);
        if (free.Length < 20)
            free = Grow(20);
        value.TryFormat(free, out var written, default, CultureInfo.InvariantCulture);
        _pending += written;
    }

    /// <summary>Writes an unsigned integer as <see cref="Utf8JsonWriter"/> does.</summary>
    public void WriteNumber(ulong value)
    {
        var free = _span.Slice(_pending);
        if (free.Length < 20)
            free = Grow(20);
        value.TryFormat(free, out var written, default, CultureInfo.InvariantCulture);
        _pending += written;
    }

    /// <summary>Writes a string, or <c>null</c> for a null reference, escaped as the default encoder does.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNull();
            return;
        }
        // The common case, text that needs no escaping, is one vectorised search and one narrowing copy.
        var plain = JsonEscaping.IndexOfFirstToEscape(value);
        if (plain < 0)
        {
            var free = _span.Slice(_pending);
            if (free.Length < value.Length + 2)
                free = Grow(value.Length + 2);
            free[0] = (byte)'"';
            System.Text.Ascii.FromUtf16(value, free.Slice(1), out var written);
            free[written + 1] = (byte)'"';
            _pending += written + 2;
            return;
        }
        WriteEscaped(value, plain);
    }

    private void WriteEscaped(ReadOnlySpan<char> text, int plain)
    {
        var start = _span.Slice(_pending);
        if (start.Length < plain + 1)
            start = Grow(plain + 1);
        start[0] = (byte)'"';
        System.Text.Ascii.FromUtf16(text[..plain], start.Slice(1), out _);
        _pending += plain + 1;
        text = text[plain..];
        // At most six bytes a character; long text goes in slices, so the buffer asked for stays modest.
        while (!text.IsEmpty)
        {
            var slice = text.Length <= EscapeSlice ? text : text[..EscapeSlice];
            if (char.IsHighSurrogate(slice[^1]) && slice.Length < text.Length)
                slice = text[..(slice.Length + 1)];
            var free = _span.Slice(_pending);
            if (free.Length < slice.Length * 6)
                free = Grow(slice.Length * 6);
            _pending += JsonEscaping.EscapeAll(slice, free);
            text = text[slice.Length..];
        }
        WriteByte((byte)'"');
    }

    private const int EscapeSlice = 2048;

    /// <summary>
    /// A <see cref="Utf8JsonWriter"/> positioned where this output stands, for a value this type does not
    /// format itself; pass it back to <see cref="EndFallback"/> once the value is written.
    /// </summary>
    public Utf8JsonWriter BeginFallback()
    {
        _output.Advance(_pending);
        _pending = 0;
        _span = default;
        var writer = t_fallback ??= new Utf8JsonWriter(_output, FallbackOptions);
        writer.Reset(_output);
        return writer;
    }

    /// <summary>Flushes the fallback writer into the output and resumes writing after its value.</summary>
    public void EndFallback(Utf8JsonWriter writer)
    {
        writer.Flush();
        _span = _output.GetSpan();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Span<byte> Grow(int size)
    {
        _output.Advance(_pending);
        _pending = 0;
        _span = _output.GetSpan(size);
        return _span;
    }
}
