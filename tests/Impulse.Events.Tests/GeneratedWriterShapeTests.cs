using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Impulse.Events.Tests.Models;
using Impulse.Generated;

namespace Impulse.Events.Tests;

/// <summary>
/// The generated writers lay out each object's text at build time: separators around properties that may be
/// skipped, escaped names, enum names. Each case is written by the generated writer and by reflection-based
/// System.Text.Json with its default encoder; the bytes must be the same.
/// </summary>
public sealed class GeneratedWriterShapeTests
{
    private static readonly JsonSerializerOptions Reflection = new() { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };

    public static TheoryData<int> EveryPresence() => [.. Enumerable.Range(0, 16)];

    [Theory]
    [MemberData(nameof(EveryPresence))]
    public void Object_WithAnyPropertiesSkipped_WritesWhatSystemTextJsonWrites(int present)
    {
        var shape = new WriterShape
        {
            First = (present & 1) != 0 ? "first <1>" : null,
            Second = (present & 2) != 0 ? -2 : null,
            Count = 3,
            Middle = (present & 4) != 0 ? Shade.Dark : null,
            Html = "caf\u00e9 \"quoted\"\n",
            Shade = Shade.\u00c9t\u00e9,
            Big = ulong.MaxValue,
            Last = (present & 8) != 0 ? ["x", "y'z"] : null,
        };

        Assert.Equal(JsonSerializer.Serialize(shape, Reflection), ImpulseJson.ToJson(shape));
    }

    [Theory]
    [InlineData(Shade.Light)]
    [InlineData(Shade.Dark)]
    [InlineData(Shade.\u00c9t\u00e9)]
    [InlineData((Shade)42)]
    public void Enum_AsString_WritesWhatSystemTextJsonWrites(Shade shade)
    {
        var shape = new WriterShape { Shade = shade, Middle = shade };

        Assert.Equal(JsonSerializer.Serialize(shape, Reflection), ImpulseJson.ToJson(shape));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("a", null)]
    [InlineData(null, 1)]
    [InlineData("a", 1)]
    public void Object_OfOnlySkippableProperties_WritesWhatSystemTextJsonWrites(string? a, int? b)
    {
        var value = new OptionalOnly { A = a, B = b };

        Assert.Equal(JsonSerializer.Serialize(value, Reflection), ImpulseJson.ToJson(value));
    }
}
