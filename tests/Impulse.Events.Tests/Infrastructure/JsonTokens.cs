using System.Text.Json;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>Where one JSON token sits in a document: its first byte, its length, its kind, and its depth.</summary>
internal readonly record struct TokenSpan(int Start, int Length, JsonTokenType Token, int Depth)
{
    public int End => Start + Length;

    public bool IsText => Token is JsonTokenType.String or JsonTokenType.PropertyName;
}

/// <summary>A UTF-8 JSON document and the spans of its values and property names, for mutations that aim.</summary>
internal sealed class JsonTokens
{
    public JsonTokens(byte[] json)
    {
        Bytes = json;
        var values = new List<TokenSpan>();
        var names = new List<TokenSpan>();
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    // ValueSpan is the raw text between the quotes, escapes and all.
                    names.Add(new TokenSpan(start, reader.ValueSpan.Length + 2, reader.TokenType, reader.CurrentDepth));
                    break;
                case JsonTokenType.String:
                    values.Add(new TokenSpan(start, reader.ValueSpan.Length + 2, reader.TokenType, reader.CurrentDepth));
                    break;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    // A copy of the reader skips the container, leaving this one to walk into it.
                    var copy = reader;
                    copy.Skip();
                    values.Add(new TokenSpan(start, (int)(copy.BytesConsumed - start), reader.TokenType, reader.CurrentDepth));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    break;
                default:
                    values.Add(new TokenSpan(start, reader.ValueSpan.Length, reader.TokenType, reader.CurrentDepth));
                    break;
            }
        }
        Values = values;
        Names = names;
    }

    public byte[] Bytes { get; }

    /// <summary>Every value, the root first, in document order.</summary>
    public IReadOnlyList<TokenSpan> Values { get; }

    /// <summary>Every property name, quotes included.</summary>
    public IReadOnlyList<TokenSpan> Names { get; }

    /// <summary>The root value: bytes after it are whitespace a document may lose.</summary>
    public TokenSpan Root => Values[0];

    public IReadOnlyList<TokenSpan> Texts => [.. Values.Where(v => v.IsText), .. Names];

    public IReadOnlyList<TokenSpan> Numbers => [.. Values.Where(v => v.Token == JsonTokenType.Number)];

    /// <summary>The document with <paramref name="span"/> replaced by <paramref name="replacement"/>.</summary>
    public byte[] Replace(TokenSpan span, ReadOnlySpan<byte> replacement) => Splice(Bytes, span.Start, span.Length, replacement);

    public static byte[] Splice(byte[] bytes, int start, int removed, ReadOnlySpan<byte> inserted)
    {
        var result = new byte[bytes.Length - removed + inserted.Length];
        bytes.AsSpan(0, start).CopyTo(result);
        inserted.CopyTo(result.AsSpan(start));
        bytes.AsSpan(start + removed).CopyTo(result.AsSpan(start + inserted.Length));
        return result;
    }
}
