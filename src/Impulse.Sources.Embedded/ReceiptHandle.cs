using System.Globalization;

namespace Impulse.Sources.Embedded;

/// <summary>
/// A receipt handle names one receive of one message: the row's sequence number and the random token that receive
/// wrote. A later receive writes a new token, so an older handle no longer matches and cannot touch the new delivery.
/// </summary>
internal static class ReceiptHandle
{
    public static string Format(long sequence, long token)
        => string.Create(CultureInfo.InvariantCulture, $"{sequence}.{unchecked((ulong)token):x16}");

    public static (long Sequence, long Token) Parse(string handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        var dot = handle.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0
            && long.TryParse(handle.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            && ulong.TryParse(handle.AsSpan(dot + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var token))
        {
            return (sequence, unchecked((long)token));
        }

        throw new ArgumentException($"'{handle}' is not a receipt handle of the embedded queue.", nameof(handle));
    }
}
