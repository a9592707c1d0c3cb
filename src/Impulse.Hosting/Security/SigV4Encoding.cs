using System.Text;

namespace Impulse.Hosting.Security;

/// <summary>
/// The URI encoding Signature Version 4 canonicalises with: every byte outside <c>A-Z a-z 0-9 - _ . ~</c> as
/// <c>%XX</c> in upper case, so the same request always yields the same text whoever encoded it on the wire.
/// </summary>
internal static class SigV4Encoding
{
    /// <summary>Encodes <paramref name="text"/>'s UTF-8 bytes; <paramref name="keepSlash"/> leaves <c>/</c> as it is, for paths.</summary>
    public static string UriEncode(string text, bool keepSlash)
    {
        var builder = new StringBuilder(text.Length + 16);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (IsUnreserved((char)rune.Value) || (keepSlash && rune.Value == '/')))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < length; i++)
                builder.Append('%').Append(HexUpper(bytes[i] >> 4)).Append(HexUpper(bytes[i] & 0xF));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The canonical URI of every service but S3: the path as sent, with <c>.</c>, <c>..</c> and empty segments
    /// removed, then encoded again. A client encodes each segment once to send it and signs it encoded twice, so
    /// encoding what arrived once more is what the client signed.
    /// </summary>
    public static string CanonicalUri(string rawPath)
    {
        var normalized = RemoveDotSegments(rawPath);
        return UriEncode(normalized, keepSlash: true);
    }

    /// <summary>
    /// The canonical query string: each name and value decoded from what arrived and encoded the canonical way, sorted
    /// by name and then value; a name without <c>=</c> has an empty value.
    /// </summary>
    public static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
            return "";
        var pairs = new List<(string Name, string Value)>();
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0)
                continue;
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? "" : pair[(equals + 1)..];
            pairs.Add((UriEncode(Uri.UnescapeDataString(name), false), UriEncode(Uri.UnescapeDataString(value), false)));
        }

        pairs.Sort((a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return string.Join('&', pairs.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>A header value as it is signed: trimmed, with each run of spaces made one.</summary>
    public static string CanonicalHeaderValue(string value)
    {
        var trimmed = value.Trim();
        var builder = new StringBuilder(trimmed.Length);
        var lastWasSpace = false;
        foreach (var c in trimmed)
        {
            var isSpace = c is ' ' or '\t';
            if (isSpace && lastWasSpace)
                continue;
            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString();
    }

    /// <summary>RFC 3986 dot-segment removal, which also drops empty segments, keeping a leading and a trailing slash.</summary>
    private static string RemoveDotSegments(string path)
    {
        if (path.Length == 0)
            return "/";
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (output.Count > 0)
                    output.RemoveAt(output.Count - 1);
                continue;
            }

            output.Add(segment);
        }

        var trailing = path[^1] == '/' && output.Count > 0 ? "/" : "";
        return "/" + string.Join('/', output) + trailing;
    }

    private static bool IsUnreserved(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~';

    private static char HexUpper(int nibble) => (char)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
}
