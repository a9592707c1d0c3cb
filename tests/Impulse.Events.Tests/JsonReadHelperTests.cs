using System.Text;
using System.Text.Json;
using Impulse.Serialization;

namespace Impulse.Events.Tests;

/// <summary>The run-time pieces generated readers build values with: the map, the item collector and the key cache.</summary>
public sealed class JsonReadHelperTests
{
    [Fact]
    public void JsonMap_WithRepeatedKey_KeepsTheFirstPlaceAndTheLastValue()
    {
        var map = new JsonMap<int>(0);
        map.Set("a", 1);
        map.Set("b", 2);
        map.Set("a", 3);

        Assert.Equal(["a", "b"], map.Keys);
        Assert.Equal([3, 2], map.Values);
        Assert.Equal(3, map["a"]);
        Assert.Equal(2, map.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void JsonMap_SmallAndIndexed_FindsEveryKeyAndNoOther(int count)
    {
        var map = new JsonMap<int>(2);
        for (var i = 0; i < count; i++)
            map.Set("key" + i, i);
        map.Set("key1", -1);

        for (var i = 0; i < count; i++)
        {
            Assert.True(map.TryGetValue("key" + i, out var value));
            Assert.Equal(i == 1 ? -1 : i, value);
        }
        Assert.False(map.ContainsKey("key" + count));
        Assert.False(map.TryGetValue("KEY0", out _));
        Assert.Throws<KeyNotFoundException>(() => map["missing"]);
        Assert.Equal(Enumerable.Range(0, count).Select(i => "key" + i), map.Select(pair => pair.Key));
        Assert.Equal(count, map.Entries.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    public void JsonItems_OfAnyLength_KeepsEveryItemInOrder(int count)
    {
        var items = new JsonItems<string>();
        for (var i = 0; i < count; i++)
            items.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var expected = Enumerable.Range(0, count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(count, items.Count);
        Assert.Equal(expected, items.ToArray());
        Assert.Equal(expected, items.ToList());
    }

    [Fact]
    public void Key_ReadTwiceAtOnePosition_IsTheSameString()
    {
        var cache = new string?[JsonReadNames.CachedKeys];
        var first = ReadKeys("""{"ApproximateReceiveCount":1,"SenderId":2}""", cache);
        var second = ReadKeys("""{"ApproximateReceiveCount":1,"SenderId":2}""", cache);

        Assert.Equal(["ApproximateReceiveCount", "SenderId"], second);
        Assert.Same(first[0], second[0]);
        Assert.Same(first[1], second[1]);
    }

    [Fact]
    public void Key_DifferentAtAPosition_IsReadAfresh()
    {
        var cache = new string?[JsonReadNames.CachedKeys];
        ReadKeys("""{"abc":1,"x":2}""", cache);

        Assert.Equal(["abd", "y"], ReadKeys("""{"abd":1,"y":2}""", cache));
        Assert.Equal(["caf\u00e9", "\u00e9"], ReadKeys("""{"café":1,"\u00e9":2}""", cache));
        Assert.Equal(["caf\u00e9", "\u00e9"], ReadKeys("""{"café":1,"\u00e9":2}""", cache));
    }

    [Fact]
    public void Key_WithInvalidUtf8_IsAReadError()
    {
        var cache = new string?[JsonReadNames.CachedKeys];
        var json = Encoding.UTF8.GetBytes("""{"ab":1}""");
        ReadKeys(json, cache);
        json[3] = 0xFF;

        Assert.Throws<JsonReadError>(() => ReadKeys(json, cache));
    }

    [Theory]
    [InlineData("")]
    [InlineData("aws:sqs")]
    [InlineData("arn:aws:sqs:us-west-2:123456789012:SQSQueue with a longer tail of plain ASCII text ~!@#")]
    public void Plain_OfAsciiText_IsWhatGetStringReads(string text)
    {
        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(text));
        var reader = new Utf8JsonReader(json);
        reader.Read();

        Assert.Equal(reader.GetString(), JsonRead.Plain(reader.ValueSpan));
    }

    [Fact]
    public void Plain_OfNonAsciiBytes_IsNullForTheCheckedPath()
    {
        Assert.Null(JsonRead.Plain(Encoding.UTF8.GetBytes("café")));
        Assert.Null(JsonRead.Plain([0x61, 0xFF, 0x62]));
    }

    private static string[] ReadKeys(string json, string?[] cache) => ReadKeys(Encoding.UTF8.GetBytes(json), cache);

    private static string[] ReadKeys(byte[] json, string?[] cache)
    {
        var reader = new Utf8JsonReader(json);
        var keys = new List<string>();
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName)
                keys.Add(JsonReadNames.Key(ref reader, cache, keys.Count));
        }
        return [.. keys];
    }
}
