using System.Globalization;

namespace Impulse.Sources.Embedded.Streams;

/// <summary>The embedded stream's sequence numbers: the database's row ids as fixed-width decimal text.</summary>
internal static class SequenceNumbers
{
    /// <summary>A sequence number as text that sorts as the number does, ordinally (fixed width, zero-padded).</summary>
    public static string Format(long seq) => seq.ToString("D20", CultureInfo.InvariantCulture);

    /// <summary>The number a sequence number stands for.</summary>
    /// <exception cref="ArgumentException">The text is not a sequence number this stream issued.</exception>
    public static long Parse(string sequenceNumber)
        => long.TryParse(sequenceNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq >= 0
            ? seq
            : throw new ArgumentException($"'{sequenceNumber}' is not a sequence number of this stream.", nameof(sequenceNumber));
}
