using System.Buffers;
using System.Text;
using System.Text.Json;
using CsCheck;
using Impulse.Serialization;

namespace Impulse.Events.Tests;

/// <summary>
/// <see cref="JsonOutput"/> writes what <see cref="Utf8JsonWriter"/> writes with its default encoder, byte for
/// byte: the generated writers promise the output they had when they wrote through it. Every case runs twice,
/// into one roomy buffer and into a buffer that hands out a few bytes at a time, so growing mid-value is covered.
/// </summary>
public sealed class JsonOutputTests
{
    public static TheoryData<string> Texts() =>
    [
        "", "plain text, digits 0123456789 and {brackets} [too] ~|^_", "a \"quoted\" word", "back\\slash",
        "<script>alert('x' + `y`)</script> & more", "line\nfeed\rreturn\ttab\bbackspace\fformfeed",
        "\0nul \u0001 \u001f unit separator \u007f delete", "caf\u00e9 na\u00efve \u00a0 no-break space",
        "\u65e5\u672c\u8a9e", "\u2028 line and paragraph \u2029 separators", "emoji \U0001F600 pair", "\ufffd replacement \ufeff bom",
        "lone high \ud800 surrogate", "lone low \udc00 surrogate", "high then letter \ud83da", "ends in high \ud83d",
        "reversed pair \ude00\ud83d", new string('x', 5000), new string('"', 700), string.Concat(Enumerable.Repeat("\u00e9\"a<", 400)),
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void WriteString_OfText_WritesWhatUtf8JsonWriterWrites(string text) =>
        AssertSame(json => json.WriteStringValue(text), (ref JsonOutput output) => output.WriteString(text));

    [Fact]
    public void WriteString_OfEveryBasicMultilingualPlaneCharacter_WritesWhatUtf8JsonWriterWrites()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var text = "a" + (char)c + "b";
            AssertSame(json => json.WriteStringValue(text), (ref JsonOutput output) => output.WriteString(text));
        }
    }

    [Fact]
    public void WriteString_OfGeneratedText_WritesWhatUtf8JsonWriterWrites() =>
        // Mostly ASCII with runs of the characters that need escaping, surrogates whole and alone included.
        Gen.String[Gen.Frequency((6, Gen.Char['\0', '\u007f']), (2, Gen.Char), (1, Gen.Char['\ud800', '\udfff']))]
            .Sample(text => AssertSame(json => json.WriteStringValue(text), (ref JsonOutput output) => output.WriteString(text)), iter: 5000);

    [Fact]
    public void WriteString_OfNull_WritesNull() =>
        AssertSame(json => json.WriteStringValue((string?)null), (ref JsonOutput output) => output.WriteString(null));

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    [InlineData(42L)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void WriteNumber_OfLong_WritesWhatUtf8JsonWriterWrites(long value) =>
        AssertSame(json => json.WriteNumberValue(value), (ref JsonOutput output) => output.WriteNumber(value));

    [Theory]
    [InlineData(0UL)]
    [InlineData(ulong.MaxValue)]
    public void WriteNumber_OfUnsignedLong_WritesWhatUtf8JsonWriterWrites(ulong value) =>
        AssertSame(json => json.WriteNumberValue(value), (ref JsonOutput output) => output.WriteNumber(value));

    [Fact]
    public void WriteBoolean_AndWriteNull_WriteTheirLiterals() =>
        AssertSame(
            json => { json.WriteStartArray(); json.WriteBooleanValue(true); json.WriteBooleanValue(false); json.WriteNullValue(); json.WriteEndArray(); },
            (ref JsonOutput output) => { output.WriteRaw("["u8); output.WriteBoolean(true); output.WriteByte((byte)','); output.WriteBoolean(false); output.WriteRaw(",null]"u8); });

    [Fact]
    public void Fallback_BetweenRawText_WritesTheValueInPlace()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var date = new DateTimeOffset(2024, 2, 29, 23, 59, 58, 123, TimeSpan.FromHours(2));
        byte[] bytes = [0xfb, 0xff, 0x00, 0x3e, 0x01];
        AssertSame(
            json =>
            {
                json.WriteStartObject();
                json.WriteNumber("d", 0.1);
                json.WriteNumber("m", 1234.5600m);
                json.WriteString("g", guid);
                json.WriteString("t", date);
                json.WriteBase64String("b", bytes);
                json.WriteString("s", "after");
                json.WriteEndObject();
            },
            (ref JsonOutput output) =>
            {
                output.WriteRaw("{\"d\":"u8);
                var json = output.BeginFallback(); json.WriteNumberValue(0.1); output.EndFallback(json);
                output.WriteRaw(",\"m\":"u8);
                json = output.BeginFallback(); json.WriteNumberValue(1234.5600m); output.EndFallback(json);
                output.WriteRaw(",\"g\":"u8);
                json = output.BeginFallback(); json.WriteStringValue(guid); output.EndFallback(json);
                output.WriteRaw(",\"t\":"u8);
                json = output.BeginFallback(); json.WriteStringValue(date); output.EndFallback(json);
                output.WriteRaw(",\"b\":"u8);
                json = output.BeginFallback(); json.WriteBase64StringValue(bytes); output.EndFallback(json);
                output.WriteRaw(",\"s\":"u8);
                output.WriteString("after");
                output.WriteByte((byte)'}');
            });
    }

    private delegate void Write(ref JsonOutput output);

    private static void AssertSame(Action<Utf8JsonWriter> expected, Write actual)
    {
        var reference = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(reference, new JsonWriterOptions { SkipValidation = true }))
            expected(json);
        var expectedText = Encoding.UTF8.GetString(reference.WrittenSpan);

        foreach (var buffer in new IBufferWriter<byte>[] { new ArrayBufferWriter<byte>(), new Trickle() })
        {
            var output = new JsonOutput(buffer);
            actual(ref output);
            output.Flush();
            var written = buffer is Trickle trickle ? trickle.Written : ((ArrayBufferWriter<byte>)buffer).WrittenSpan.ToArray();
            Assert.Equal(expectedText, Encoding.UTF8.GetString(written));
        }
    }

    /// <summary>A buffer that offers no more than it is asked for (at least 3 bytes), so every write crosses an edge.</summary>
    private sealed class Trickle : IBufferWriter<byte>
    {
        private readonly List<byte> _written = [];
        private byte[] _current = [];

        public byte[] Written => [.. _written];

        public void Advance(int count)
        {
            if (count > _current.Length)
                throw new InvalidOperationException($"Advanced {count} past a span of {_current.Length}.");
            _written.AddRange(_current.AsSpan(0, count).ToArray());
            _current = [];
        }

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, 3)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }
}
