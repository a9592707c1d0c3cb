using System.Text;
using CsCheck;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests.Arbitrary;

/// <summary>
/// CsCheck generators of mutants of one sample. Each aims at one kind of damage; the byte-level ones land anywhere,
/// the others on a value, a string or a number that the sample's own tokens locate.
/// </summary>
internal sealed class MutantGen(JsonTokens sample)
{
    private byte[] Bytes => sample.Bytes;

    /// <summary>Bytes that change JSON's structure when they land somewhere, and any byte at all.</summary>
    private static readonly Gen<byte> InterestingByte = Gen.Frequency(
        (3, Gen.Char["{}[],:\"\\ \t\n0123456789-+.eEtfnaulrsx/*"].Select(c => (byte)c)),
        (1, Gen.Byte));

    private Gen<ByteEdit> Flip => Gen.Select(Gen.Int[0, Bytes.Length - 1], Gen.Byte[1, 0x7F], (at, mask) => new ByteEdit(ByteEditKind.Flip, at, 0, [mask]));

    private Gen<ByteEdit> Insert => Gen.Select(Gen.Int[0, Bytes.Length], InterestingByte.Array[1, 3], (at, bytes) => new ByteEdit(ByteEditKind.Insert, at, 0, bytes));

    private Gen<ByteEdit> Delete => Gen.Select(Gen.Int[0, Bytes.Length - 1], Gen.Int[1, 8], (at, count) => new ByteEdit(ByteEditKind.Delete, at, count, []));

    // The byte-level kinds keep to valid UTF-8, so they test structure; text that is not UTF-8 is a kind of its own.
    public Gen<Mutant> FlippedByte => Flip.Select(Apply).Where(IsUtf8);

    public Gen<Mutant> InsertedBytes => Insert.Select(Apply).Where(IsUtf8);

    public Gen<Mutant> DeletedBytes => Delete.Select(Apply).Where(IsUtf8);

    /// <summary>2–4 flips, insertions and deletions in a row, each on what the ones before left.</summary>
    public Gen<Mutant> StackedByteChanges => Gen.OneOf(Flip, Insert, Delete).Array[2, 4].Select(edits =>
    {
        var payload = Bytes;
        foreach (var edit in edits)
            payload = edit.Apply(payload);
        return new Mutant(string.Join("; then ", edits.Select(e => e.ToString())), payload, Expect.Either);
    }).Where(IsUtf8);

    private static bool IsUtf8(Mutant mutant) => System.Text.Unicode.Utf8.IsValid(mutant.Payload);

    private Mutant Apply(ByteEdit edit) => new(edit.ToString(), edit.Apply(Bytes), Expect.Either);

    private static readonly string[] Replacements =
        ["null", "true", "false", "0", "-1", "3.5", "1e3", "\"\"", "\"text\"", "\"2024-01-01T00:00:00Z\"", "\"AAAA\"", "[]", "[null]", "[1,\"a\",{}]", "{}", "{\"a\":1}"];

    /// <summary>A value replaced by one of another JSON type: a string for a number, an array for an object, null for anything.</summary>
    public Gen<Mutant> ValueOfAnotherType => Gen.Select(Gen.Int[0, sample.Values.Count - 1], Gen.OneOf(Replacements), (index, replacement) =>
        (Value: sample.Values[index], Replacement: replacement))
        .Where(x => Kind(x.Replacement) != Kind(x.Value.Token))
        .Select(x => new Mutant(
            $"{x.Value.Token} at byte {x.Value.Start} became {x.Replacement}",
            sample.Replace(x.Value, Encoding.UTF8.GetBytes(x.Replacement)),
            Expect.Either));

    /// <summary>A value replaced by arrays or objects nested so deep that the document passes 64 levels.</summary>
    public Gen<Mutant> NestedTooDeep => Gen.Select(Gen.Int[0, sample.Values.Count - 1], Gen.Int[65, 400], Gen.Bool, (index, levels, arrays) =>
    {
        var value = sample.Values[index];
        return new Mutant($"{value.Token} at byte {value.Start} (depth {value.Depth}) became {levels} nested {(arrays ? "arrays" : "objects")}",
            sample.Replace(value, Nested(levels, arrays)), Expect.Rejected);
    });

    /// <summary>A value replaced by nesting that brings the document to exactly 64 levels: deep, but allowed.</summary>
    public Gen<Mutant> NestedToTheLimit => Gen.Select(Gen.Int[0, sample.Values.Count - 1], Gen.Bool, (index, arrays) =>
    {
        var value = sample.Values[index];
        var levels = 64 - value.Depth;
        return new Mutant($"{value.Token} at byte {value.Start} (depth {value.Depth}) became {levels} nested {(arrays ? "arrays" : "objects")}",
            sample.Replace(value, Nested(levels, arrays)), Expect.Either);
    });

    private static readonly string[] Garbage = ["x", "}", "]", "{}", "[]", "null", "0", ",", "\"", "\"tail\"", "/* comment */", "// comment", "\0", "\u00a0", "\ufeff", "{\"Records\":[]}"];

    /// <summary>Something after the document: text or random bytes (rejected), or only JSON whitespace (accepted).</summary>
    public Gen<Mutant> TrailingData => Gen.Frequency(
        (3, Gen.OneOf(Garbage).Select(g => Append(Encoding.UTF8.GetBytes(g), Expect.Rejected))),
        (2, Gen.Byte.Where(b => b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')).SelectMany(first => Gen.Byte.Array[0, 6].Select(rest => Append([first, .. rest], Expect.Rejected)))),
        (1, Gen.Char[" \t\r\n"].Array[1, 8].Select(ws => Append(Encoding.ASCII.GetBytes(ws), Expect.Accepted))));

    private static readonly byte[][] InvalidSequences =
    [
        [0x80], [0xBF], [0xFF], [0xFE], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3, 0x28],
    ];

    /// <summary>
    /// Bytes that are not UTF-8 (overlong, surrogate, out of range, cut short): mostly inside a string or property
    /// name, where the reader has to decode them, sometimes anywhere, or as a flip that sets a byte's high bit.
    /// Never JSON (RFC 8259 section 8.1 requires UTF-8), so always rejected, wherever they land.
    /// </summary>
    public Gen<Mutant> InvalidUtf8 => Gen.Frequency(
        (3, Gen.Select(Gen.Int[0, sample.Texts.Count - 1], Gen.Int, Gen.OneOf(InvalidSequences), (index, where, bad) =>
        {
            var text = sample.Texts[index];
            var at = text.Start + 1 + (int)((uint)where % (uint)(text.Length - 1));
            return new Mutant($"{Convert.ToHexString(bad)} inserted at byte {at}, in the {text.Token} at {text.Start}", JsonTokens.Splice(Bytes, at, 0, bad), Expect.Rejected);
        })),
        (1, Gen.Select(Gen.Int[0, Bytes.Length], Gen.OneOf(InvalidSequences), (at, bad) =>
            new Mutant($"{Convert.ToHexString(bad)} inserted at byte {at}", JsonTokens.Splice(Bytes, at, 0, bad), Expect.Rejected))),
        (1, Gen.Select(Gen.Int[0, Bytes.Length - 1], Gen.Byte[0x80, 0xFF], (at, mask) => Apply(new ByteEdit(ByteEditKind.Flip, at, 0, [mask]))).Where(m => !IsUtf8(m))));

    private static readonly string[] LoneSurrogates = [@"\ud800", @"\uDBFF", @"\udc00", @"\udfff", @"\ud800\u0041", @"\udc00\ud800", @"\ud83d"];

    /// <summary>
    /// An escaped surrogate with no partner, at the start or end of a string or property name. JSON's grammar allows
    /// the escape (RFC 8259 section 8.2 leaves its meaning open), so a reader may take it or reject it.
    /// </summary>
    public Gen<Mutant> LoneSurrogateEscape => Gen.Select(Gen.Int[0, sample.Texts.Count - 1], Gen.Bool, Gen.OneOf(LoneSurrogates), (index, atStart, escape) =>
    {
        var text = sample.Texts[index];
        var at = atStart ? text.Start + 1 : text.End - 1;
        return new Mutant($"{escape} inserted at byte {at}, in the {text.Token} at {text.Start}", JsonTokens.Splice(Bytes, at, 0, Encoding.ASCII.GetBytes(escape)), Expect.Either);
    });

    private static readonly string[] HugeNumbers =
    [
        "1e400", "-1e400", "1e-400", "1.7976931348623157e309", "4.9e-325", "-0", "-0.0", "1E+2", "1.0",
        "123456789012345678901234567890123456789", "79228162514264337593543950336", "-79228162514264337593543950336",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649", "65536", "256", "-129",
        "1" + new string('0', 400), "0." + new string('0', 400) + "1", "-" + new string('9', 1000) + "." + new string('9', 1000),
    ];

    /// <summary>A number (or, in a sample without numbers, any value) replaced by one out of every range.</summary>
    public Gen<Mutant> HugeNumber
    {
        get
        {
            var targets = sample.Numbers.Count > 0 ? sample.Numbers : sample.Values;
            return Gen.Select(Gen.Int[0, targets.Count - 1], Gen.OneOf(HugeNumbers), (index, number) =>
                new Mutant($"{targets[index].Token} at byte {targets[index].Start} became {(number.Length > 40 ? number[..40] + "…" : number)}",
                    sample.Replace(targets[index], Encoding.ASCII.GetBytes(number)), Expect.Either));
        }
    }

    private Mutant Append(byte[] tail, Expect expect) =>
        new($"appended {Convert.ToHexString(tail)}", [.. Bytes, .. tail], expect);

    private static byte[] Nested(int levels, bool arrays)
    {
        var open = arrays ? "[" : "{\"a\":";
        var close = arrays ? "]" : "}";
        return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(open, levels)) + "null" + string.Concat(Enumerable.Repeat(close, levels)));
    }

    /// <summary>The JSON type of a literal: <c>{</c>, <c>[</c>, <c>"</c>, <c>#</c> for numbers, <c>b</c> for booleans, <c>0</c> for null.</summary>
    private static char Kind(string json) => json[0] switch
    {
        't' or 'f' => 'b',
        'n' => '0',
        '-' or (>= '0' and <= '9') => '#',
        var c => c,
    };

    private static char Kind(System.Text.Json.JsonTokenType token) => token switch
    {
        System.Text.Json.JsonTokenType.StartObject => '{',
        System.Text.Json.JsonTokenType.StartArray => '[',
        System.Text.Json.JsonTokenType.String => '"',
        System.Text.Json.JsonTokenType.Number => '#',
        System.Text.Json.JsonTokenType.True or System.Text.Json.JsonTokenType.False => 'b',
        _ => '0',
    };
}
