using System.Text;
using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;
using Impulse.Events.Tests.Models;

namespace Impulse.Events.Tests;

/// <summary>The comparers and the token map the other tests rely on: each must see what it claims to see.</summary>
public sealed class InfrastructureTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1.0}""")]
    [InlineData("""{"a":1000}""", """{"a":1e3}""")]
    [InlineData("""{"t":"1970-01-01T00:00:00.120Z"}""", """{"t":"1970-01-01T00:00:00.12+00:00"}""")]
    [InlineData("""{"s":"A"}""", """{"s":"\u0041"}""")]
    [InlineData("""{"a":1}""", """{"b":null,"a":1,"c":false,"d":0,"e":"","f":[],"g":{"h":{"i":0.0}}}""")]
    public void JsonSemantics_EquivalentSpellingOrDefaultsAdded_AreAllowed(string sample, string written) =>
        Assert.Null(Difference(sample, written));

    [Theory]
    [InlineData("""{"a":1}""", """{"a":2}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a")]
    [InlineData("""{"a":"x"}""", """{}""", "$.a")]
    [InlineData("""{"a":null}""", """{}""", "$.a")]
    [InlineData("""{"a":[1,2]}""", """{"a":[2,1]}""", "$.a[0]")]
    [InlineData("""{"a":[1]}""", """{"a":[1,null]}""", "$.a")]
    [InlineData("""{"a":1}""", """{"a":1,"b":"x"}""", "$.b")]
    [InlineData("""{"a":1}""", """{"a":1,"b":{"c":1}}""", "$.b")]
    [InlineData("""{"t":"1970-01-01T02:00:00+02:00"}""", """{"t":"1970-01-01T00:00:00+00:00"}""", "$.t")]
    public void JsonSemantics_ChangedMissingOrNonDefaultExtraValue_IsReportedAtItsPath(string sample, string written, string path) =>
        Assert.StartsWith(path + ":", Difference(sample, written));

    [Fact]
    public void Structural_EqualGraphsOfDifferentCollectionTypes_AreEqual()
    {
        var x = new SqsEvent { Records = [new SqsMessage { Attributes = new Dictionary<string, string> { ["a"] = "1" } }] };
        var y = new SqsEvent { Records = new List<SqsMessage> { new() { Attributes = new System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(new Dictionary<string, string> { ["a"] = "1" }) } } };

        Assert.Null(Structural.Difference(x, y, "$"));
    }

    [Fact]
    public void Structural_DeepDifferences_AreReportedAtTheirPath()
    {
        var child = new UserChild("a", 1, new UserChild("b", 2, null, [0.0]), []);

        Assert.StartsWith("$.Next.Weights[0]:", Structural.Difference(child, child with { Next = child.Next! with { Weights = [-0.0] } }, "$"));
        Assert.StartsWith("$.Next:", Structural.Difference(child, child with { Next = null }, "$"));
        Assert.StartsWith("$.Label:", Structural.Difference(child, child with { Label = "A" }, "$"));
    }

    [Fact]
    public void Structural_ScalarsThatEqualButDiffer_AreReported()
    {
        Assert.NotNull(Structural.Difference(1.5m, 1.50m, "$"));
        Assert.NotNull(Structural.Difference(new DateTimeOffset(2000, 1, 1, 2, 0, 0, TimeSpan.FromHours(2)), new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), "$"));
        Assert.NotNull(Structural.Difference(new byte[] { 1 }, new byte[] { 2 }, "$"));
        Assert.NotNull(Structural.Difference(new Dictionary<string, int> { ["a"] = 1 }, new Dictionary<string, int> { ["b"] = 1 }, "$"));
        Assert.NotNull(Structural.Difference(JsonDocument.Parse("[1]").RootElement, JsonDocument.Parse("[2]").RootElement, "$"));
    }

    [Theory]
    [MemberData(nameof(SampleCatalog.Files), MemberType = typeof(SampleCatalog))]
    public void JsonTokens_OfEverySample_SpanWholeValuesAndNames(string file)
    {
        var tokens = new JsonTokens(Samples.Bytes(file));

        Assert.Equal(0, tokens.Root.Depth);
        Assert.Equal(Samples.Text(file).TrimEnd().Length, tokens.Root.End);
        foreach (var span in tokens.Values)
            using (JsonDocument.Parse(tokens.Bytes.AsMemory(span.Start, span.Length))) { }
        foreach (var name in tokens.Names)
            Assert.True(tokens.Bytes[name.Start] == '"' && tokens.Bytes[name.End - 1] == '"' && tokens.Bytes[name.End..].AsSpan().TrimStart(" \t\r\n"u8)[0] == ':',
                $"{file}: the name at {name.Start} is {Encoding.UTF8.GetString(tokens.Bytes, name.Start, name.Length)}");
    }

    private static string? Difference(string sample, string written)
    {
        using var x = JsonDocument.Parse(sample);
        using var y = JsonDocument.Parse(written);
        return JsonSemantics.Difference(x.RootElement, y.RootElement, "$");
    }
}
