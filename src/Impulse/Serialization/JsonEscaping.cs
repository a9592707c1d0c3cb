using System.Buffers;

namespace Impulse.Serialization;

/// <summary>
/// String escaping exactly as <see cref="System.Text.Json.Utf8JsonWriter"/> does it with its default
/// encoder: printable ASCII is written as is, except the HTML-sensitive <c>" &amp; ' + &lt; &gt; `</c> and
/// the backslash; control characters use their short form where JSON has one; everything else,
/// non-ASCII included, becomes <c>\uXXXX</c> (a surrogate pair as two, a lone surrogate as U+FFFD).
/// </summary>
internal static class JsonEscaping
{
    /// <summary>The longest escape of one character or surrogate pair: <c>\uD83D\uDE00</c>.</summary>
    public const int MaxEscapedLength = 12;

    private static readonly SearchValues<char> Plain = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>The index of the first character that must be escaped, or -1 when none must.</summary>
    public static int IndexOfFirstToEscape(ReadOnlySpan<char> text) => text.IndexOfAnyExcept(Plain);

    /// <summary>
    /// Escapes all of <paramref name="text"/> into <paramref name="destination"/>, which holds at least six
    /// bytes per character, and returns the bytes written. A plain loop over a table: text that needs
    /// escaping at all tends to need it often (a JSON document in a string has a quote every few characters),
    /// where searching for each next escape costs more than looking at every character.
    /// </summary>
    public static int EscapeAll(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var table = Ascii;
        var written = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c < 128)
            {
                var escape = table[c];
                if (escape == 0)
                {
                    destination[written++] = (byte)c;
                    i++;
                    continue;
                }
                if (escape != (byte)'u')
                {
                    destination[written] = (byte)'\\';
                    destination[written + 1] = escape;
                    written += 2;
                    i++;
                    continue;
                }
            }
            var rest = text[i..];
            written += Escape(ref rest, destination[written..]);
            i = text.Length - rest.Length;
        }
        return written;
    }

    /// <summary>For each ASCII character: 0 when it is written as is, else the letter after its backslash.</summary>
    private static ReadOnlySpan<byte> Ascii =>
    [
        (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u',
        (byte)'b', (byte)'t', (byte)'n', (byte)'u', (byte)'f', (byte)'r', (byte)'u', (byte)'u',
        (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u',
        (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u', (byte)'u',
        //  space      !   "(u)    #  $  %   &(u)      '(u)
        0, 0, (byte)'u', 0, 0, 0, (byte)'u', (byte)'u',
        //  (  )  *  +(u)      ,  -  .  /
        0, 0, 0, (byte)'u', 0, 0, 0, 0,
        //  0-7
        0, 0, 0, 0, 0, 0, 0, 0,
        //  8  9  :  ;  <(u)       =  >(u)       ?
        0, 0, 0, 0, (byte)'u', 0, (byte)'u', 0,
        //  @ A-G
        0, 0, 0, 0, 0, 0, 0, 0,
        //  H-O
        0, 0, 0, 0, 0, 0, 0, 0,
        //  P-W
        0, 0, 0, 0, 0, 0, 0, 0,
        //  X  Y  Z  [  \                ]  ^  _
        0, 0, 0, 0, (byte)'\\', 0, 0, 0,
        //  `(u)       a-g
        (byte)'u', 0, 0, 0, 0, 0, 0, 0,
        //  h-o
        0, 0, 0, 0, 0, 0, 0, 0,
        //  p-w
        0, 0, 0, 0, 0, 0, 0, 0,
        //  x  y  z  {  |  }  ~  DEL(u)
        0, 0, 0, 0, 0, 0, 0, (byte)'u',
    ];

    /// <summary>
    /// Escapes the first character of <paramref name="text"/> (with its low surrogate, for a pair) as
    /// <c>\uXXXX</c> into <paramref name="destination"/>, which holds at least <see cref="MaxEscapedLength"/>
    /// bytes; moves <paramref name="text"/> past it and returns the bytes written.
    /// </summary>
    private static int Escape(ref ReadOnlySpan<char> text, Span<byte> destination)
    {
        var c = text[0];
        destination[0] = (byte)'\\';
        if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
        {
            Hex(c, destination);
            destination[6] = (byte)'\\';
            Hex(text[1], destination[6..]);
            text = text[2..];
            return 12;
        }
        // A lone surrogate is not text: the default encoder writes the replacement character instead.
        Hex(char.IsSurrogate(c) ? '\uFFFD' : c, destination);
        text = text[1..];
        return 6;
    }

    private static void Hex(char c, Span<byte> destination)
    {
        destination[1] = (byte)'u';
        destination[2] = HexDigit(c >> 12);
        destination[3] = HexDigit(c >> 8);
        destination[4] = HexDigit(c >> 4);
        destination[5] = HexDigit(c);
    }

    private static byte HexDigit(int value) => (byte)"0123456789ABCDEF"[value & 0xF];
}
