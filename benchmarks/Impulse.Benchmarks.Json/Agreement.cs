using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// Compares values by what one serializer writes for them: the event types are records whose lists and
/// dictionaries compare by reference, so <c>Equals</c> cannot tell equal reads apart.
/// </summary>
public static class Agreement
{
    /// <summary>Throws unless every value serializes to the same JSON as the first.</summary>
    public static void Same<T>(string what, JsonTypeInfo<T> canonical, params T[] values)
    {
        var expected = JsonSerializer.Serialize(values[0], canonical);
        for (var i = 1; i < values.Length; i++)
        {
            var actual = JsonSerializer.Serialize(values[i], canonical);
            if (actual != expected)
                throw new InvalidOperationException($"{what} disagree (value {i} against value 0).\n value 0: {expected}\n value {i}: {actual}");
        }
    }
}
