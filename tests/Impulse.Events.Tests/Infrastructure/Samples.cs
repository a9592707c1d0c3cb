using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// Reads the AWS samples copied from <c>../shared/events</c> with reflection-based System.Text.Json, set to fail
/// on any JSON property that maps to no C# property and on null where the type says non-null.
/// Test code only: the library itself never uses reflection-based serialization.
/// </summary>
internal static class Samples
{
    /// <summary>No naming policy, so wire names come from <c>[JsonPropertyName]</c> alone.</summary>
    public static readonly JsonSerializerOptions Strict = Options(null);

    public static JsonSerializerOptions Options(JsonNamingPolicy? naming) => new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        PropertyNamingPolicy = naming,
        DictionaryKeyPolicy = null,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "events");

    public static string Text(string file) => File.ReadAllText(Path.Combine(Directory, file));

    public static byte[] Bytes(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    public static T Read<T>(string file) =>
        JsonSerializer.Deserialize<T>(Text(file), Strict) ?? throw new InvalidOperationException($"{file} read as null.");

    public static object Read(string file, Type type, JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize(Text(file), type, options ?? Strict) ?? throw new InvalidOperationException($"{file} read as null.");

    /// <summary>
    /// Reads the sample, writes it, reads that and writes again: both writes must be equal, and every value of the
    /// sample must survive into the written JSON (so nothing was dropped or altered on the way through the types).
    /// </summary>
    public static void AssertRoundTrips(string file, Type type)
    {
        var value = Read(file, type);
        var written = JsonSerializer.Serialize(value, type, Strict);
        var again = JsonSerializer.Deserialize(written, type, Strict)!;
        Assert.Equal(written, JsonSerializer.Serialize(again, type, Strict));

        using var sample = JsonDocument.Parse(Text(file));
        using var output = JsonDocument.Parse(written);
        AssertContains(sample.RootElement, output.RootElement, "$");
    }

    /// <summary>Every property and element of <paramref name="expected"/> is in <paramref name="actual"/> with the same value.</summary>
    public static void AssertContains(JsonElement expected, JsonElement actual, string path)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.True(actual.ValueKind == JsonValueKind.Object, $"{path}: expected an object, written {actual.ValueKind}.");
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(actual.TryGetProperty(property.Name, out var written), $"{path}.{property.Name} was not written back.");
                    AssertContains(property.Value, written, $"{path}.{property.Name}");
                }
                break;
            case JsonValueKind.Array:
                Assert.True(actual.ValueKind == JsonValueKind.Array, $"{path}: expected an array, written {actual.ValueKind}.");
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: array length changed.");
                var i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                    AssertContains(e, a, $"{path}[{i++}]");
                break;
            case JsonValueKind.String:
                Assert.True(actual.ValueKind == JsonValueKind.String, $"{path}: expected a string, written {actual.ValueKind}.");
                var (x, y) = (expected.GetString()!, actual.GetString()!);
                // An ISO 8601 instant may come back in another spelling (Z versus +00:00).
                var sameInstant = x != y && expected.TryGetDateTimeOffset(out var dx) && actual.TryGetDateTimeOffset(out var dy) && dx == dy;
                Assert.True(x == y || sameInstant, $"{path}: \"{x}\" was written back as \"{y}\".");
                break;
            case JsonValueKind.Number:
                Assert.True(actual.ValueKind == JsonValueKind.Number, $"{path}: expected a number, written {actual.ValueKind}.");
                Assert.True(
                    decimal.Parse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture),
                    $"{path}: {expected.GetRawText()} was written back as {actual.GetRawText()}.");
                break;
            default:
                Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: {expected.ValueKind} was written back as {actual.ValueKind}.");
                break;
        }
    }
}
