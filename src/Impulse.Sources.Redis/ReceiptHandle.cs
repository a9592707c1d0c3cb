using System.Globalization;

namespace Impulse.Sources.Redis;

/// <summary>
/// A receipt handle names one receive of one message: the stream entry id and the random token that receive wrote
/// next to it. A later receive writes a new token, so an older handle no longer matches and cannot touch the newer
/// delivery; a handle of another queue names an entry (or token) this queue does not have.
/// </summary>
internal static class ReceiptHandle
{
    public static string Format(string entryId, string token) => $"{entryId}.{token}";

    /// <summary>A fresh token for one receive call: 64 random bits as 16 lowercase hex digits.</summary>
    /// <remarks>Random, not cryptographic: a handle is a name for one delivery, not a secret, and two receives
    /// collide with probability 2^-64.</remarks>
    public static string NewToken() => Random.Shared.NextInt64().ToString("x16", CultureInfo.InvariantCulture);

    /// <exception cref="ArgumentException">The text is not a receipt handle of this source.</exception>
    public static (string EntryId, string Token) Parse(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var dot = handle.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && IsEntryId(handle.AsSpan(0, dot)) && IsToken(handle.AsSpan(dot + 1)))
        {
            return (handle[..dot], handle[(dot + 1)..]);
        }

        throw new ArgumentException($"'{handle}' is not a receipt handle of the Redis queue.", nameof(handle));
    }

    // A stream entry id is "milliseconds-sequence", both unsigned 64-bit decimals.
    private static bool IsEntryId(ReadOnlySpan<char> text)
    {
        var dash = text.IndexOf('-');
        return dash > 0
            && ulong.TryParse(text[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && ulong.TryParse(text[(dash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.Length != 16)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
