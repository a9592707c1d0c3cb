using CsCheck;

namespace Impulse.Events.Tests.Arbitrary;

/// <summary>Scalars for property tests, biased toward what is hard for a JSON reader and writer.</summary>
internal static class ScalarGen
{
    /// <summary>
    /// Text from pieces: ASCII letters, the characters JSON must escape (quote, backslash, controls), the ones the
    /// default encoder escapes for HTML (<c>&lt; &gt; &amp; ' +</c>), other BMP characters and pairs outside the BMP.
    /// Never a lone surrogate: UTF-8 cannot carry one, so no JSON text can.
    /// </summary>
    public static readonly Gen<string> Text = Gen.Frequency(
            (5, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (2, Gen.Char["\"\\/\b\f\n\r\t\0\u0001\u001f\u007f <>&'+`"].Select(c => c.ToString())),
            (2, Gen.Char['\u0080', '\uD7FF'].Select(c => c.ToString())),
            (1, Gen.Char['\uE000', '\uFFFF'].Select(c => c.ToString())),
            (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)))
        .Array[0, 12]
        .Select(parts => string.Concat(parts));

    /// <summary>Mostly short text, sometimes a few hundred characters, to cross the writer's buffer growth.</summary>
    public static readonly Gen<string> AnyText = Gen.Frequency(
        (9, Text),
        (1, Text.Array[10, 40].Select(parts => string.Concat(parts))));

    /// <summary>
    /// Finite doubles: uniform bit patterns (every exponent, subnormals), whole numbers, fractions, and the edges:
    /// the largest and smallest magnitudes, negative zero, and fractions with no short decimal form.
    /// </summary>
    public static readonly Gen<double> FiniteDouble = Gen.Frequency(
        (3, Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(double.IsFinite)),
        (2, Gen.Double.Where(double.IsFinite)),
        (1, Gen.Long.Select(l => (double)l)),
        (1, Gen.Double.Unit.Select(d => d - 0.5)),
        (1, Gen.OneOf(double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, -0.0, 2.2250738585072014E-308, 0.1, 1.0 / 3, 9007199254740993.0)));

    /// <summary>Any decimal: all 96 bits of mantissa, both signs, every scale 0–28 (so trailing zeros too).</summary>
    public static readonly Gen<decimal> AnyDecimal = Gen.Frequency(
        (3, Gen.Select(Gen.Int, Gen.Int, Gen.Int, Gen.Bool, Gen.Byte[0, 28], (lo, mid, hi, negative, scale) => new decimal(lo, mid, hi, negative, scale))),
        (1, Gen.Long.Select(l => (decimal)l)),
        (1, Gen.Int[-1000, 1000].Select(i => i / 100m)));

    /// <summary>Instants across the whole range, with offsets in whole minutes within ±14 hours, and tick precision.</summary>
    public static readonly Gen<DateTimeOffset> Instant = Gen.Select(
            Gen.Long[System.DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, System.DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay],
            Gen.Int[-14 * 60, 14 * 60],
            (ticks, minutes) => new System.DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes)));

    public static readonly Gen<byte[]> Bytes = Gen.Byte.Array[0, 48];
}
