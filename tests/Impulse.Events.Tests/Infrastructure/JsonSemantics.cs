using System.Globalization;
using System.Text.Json;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// Whether JSON a writer produced still says everything a sample said. Allowed, and nothing else:
/// <list type="bullet">
/// <item>properties the sample lacks, when their value is a default: <c>null</c>, <c>false</c>, a zero, <c>""</c>,
/// <c>[]</c>, or an object whose every property is itself such a default (a nested record left at its initial value);</item>
/// <item>a number spelled differently with the same value (<c>1.0</c> for <c>1</c>, <c>1e3</c> for <c>1000</c>);</item>
/// <item>a date-time spelled differently with the same instant and the same offset (<c>Z</c> for <c>+00:00</c>,
/// <c>.120</c> for <c>.12</c>); a change of offset is not allowed, even at the same instant;</item>
/// <item>property order, and whitespace between tokens.</item>
/// </list>
/// Strings otherwise compare ordinally after unescaping, so <c>\u0041</c> and <c>A</c> are the same string.
/// Arrays keep their length and order.
/// </summary>
internal static class JsonSemantics
{
    public static void AssertKeeps(string sample, string written)
    {
        using var expected = JsonDocument.Parse(sample);
        using var actual = JsonDocument.Parse(written);
        var difference = Difference(expected.RootElement, actual.RootElement, "$");
        Assert.True(difference is null, difference);
    }

    public static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                if (actual.ValueKind != JsonValueKind.Object)
                    return $"{path}: the sample has an object, the writer wrote {Describe(actual)}.";
                foreach (var property in expected.EnumerateObject())
                {
                    if (!actual.TryGetProperty(property.Name, out var written))
                        return $"{path}.{property.Name}: in the sample, not written back.";
                    if (Difference(property.Value, written, $"{path}.{property.Name}") is { } difference)
                        return difference;
                }
                foreach (var property in actual.EnumerateObject())
                {
                    if (!expected.TryGetProperty(property.Name, out _) && !IsDefault(property.Value))
                        return $"{path}.{property.Name}: not in the sample, but written as {property.Value.GetRawText()}, which is not a default.";
                }
                return null;
            case JsonValueKind.Array:
                if (actual.ValueKind != JsonValueKind.Array)
                    return $"{path}: the sample has an array, the writer wrote {Describe(actual)}.";
                if (expected.GetArrayLength() != actual.GetArrayLength())
                    return $"{path}: the sample has {expected.GetArrayLength()} items, the writer wrote {actual.GetArrayLength()}.";
                for (var i = 0; i < expected.GetArrayLength(); i++)
                {
                    if (Difference(expected[i], actual[i], $"{path}[{i}]") is { } difference)
                        return difference;
                }
                return null;
            case JsonValueKind.String:
                if (actual.ValueKind != JsonValueKind.String)
                    return $"{path}: the sample has a string, the writer wrote {Describe(actual)}.";
                var (x, y) = (expected.GetString()!, actual.GetString()!);
                if (x == y || SameDateTime(expected, actual))
                    return null;
                return $"{path}: \"{x}\" was written back as \"{y}\".";
            case JsonValueKind.Number:
                if (actual.ValueKind != JsonValueKind.Number)
                    return $"{path}: the sample has a number, the writer wrote {Describe(actual)}.";
                return SameNumber(expected.GetRawText(), actual.GetRawText()) ? null : $"{path}: {expected.GetRawText()} was written back as {actual.GetRawText()}.";
            default:
                return expected.ValueKind == actual.ValueKind ? null : $"{path}: the sample has {Describe(expected)}, the writer wrote {Describe(actual)}.";
        }
    }

    /// <summary>What a writer may add for a property the sample did not have.</summary>
    public static bool IsDefault(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.False => true,
        JsonValueKind.Number => SameNumber(value.GetRawText(), "0"),
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => value.EnumerateObject().All(p => IsDefault(p.Value)),
        _ => false,
    };

    private static bool SameDateTime(JsonElement x, JsonElement y) =>
        x.TryGetDateTimeOffset(out var a) && y.TryGetDateTimeOffset(out var b) && a.EqualsExact(b);

    /// <summary>Equal as decimals where both fit one; otherwise equal as doubles.</summary>
    private static bool SameNumber(string x, string y)
    {
        if (x == y)
            return true;
        if (decimal.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && decimal.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            return a == b;
        return double.Parse(x, CultureInfo.InvariantCulture) == double.Parse(y, CultureInfo.InvariantCulture);
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
