using System.Text.Json;
using Impulse.Testing;

namespace Impulse.Generators.Tests.Json;

/// <summary>The generated readers and writers, run: values, defaults, and errors that name their path.</summary>
public sealed class GeneratedJsonTests : IClassFixture<GeneratedJsonTests.Fixture>
{
    private readonly FunctionTestHost _host;
    private readonly FunctionTestHost _camel;

    public GeneratedJsonTests(Fixture fixture)
    {
        _host = fixture.Grammar;
        _camel = fixture.Camel;
    }

    public sealed class Fixture : IDisposable
    {
        public FunctionTestHost Grammar { get; } = LoadedApp.Host(GeneratorRun.Of(JsonSources.Grammar).Output);
        public FunctionTestHost Camel { get; } = LoadedApp.Host(GeneratorRun.Of(JsonSources.CamelCaseApp).Output);

        public void Dispose()
        {
            Grammar.Dispose();
            Camel.Dispose();
        }
    }

    private const string FullProduct = """
        {
          "Sku": "p-1", "Name": "Lamp", "Stock": 3, "Price": 19.99, "Views": 9007199254740993, "Active": true,
          "Color": "deep-blue", "Size": "Large", "Id": "6f9619ff-8b86-d011-b42d-00c04fc964ff",
          "Listed": "2026-11-25T10:00:00+01:00", "Updated": "2026-11-25T09:00:00Z", "ShelfLife": "1.02:03:04",
          "Thumbnail": "AAEC/w==", "Rating": null, "Note": "n", "Box": { "Width": 1.5, "Height": 2 },
          "Tags": ["a", "b"], "Scores": [1, 2, 3], "Parts": [{ "Width": 1, "Height": 1, "Unit": "mm" }],
          "Palette": [0, "Green"], "Counts": { "x": 1, "y": 2 }, "Variants": { "big": { "Width": 9, "Height": 9 } },
          "Extra": { "any": [1, "two", null] }, "legacy_code": "L1", "Secret": "ignored", "Unknown": { "deep": [1, { "x": 2 }] }
        }
        """;

    [Fact]
    public async Task Read_EveryKindOfMember_ReadsItsValueAndWritesItBack()
    {
        var invocation = await _host.InvokeAsync("product", FullProduct);

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        using var json = JsonDocument.Parse(invocation.ResultJson!);
        var root = json.RootElement;
        Assert.Equal("p-1", root.GetProperty("Sku").GetString());
        Assert.Equal(3, root.GetProperty("Stock").GetInt32());
        Assert.Equal(19.99m, root.GetProperty("Price").GetDecimal());
        Assert.Equal(9007199254740993, root.GetProperty("Views").GetInt64());
        Assert.Equal(2, root.GetProperty("Color").GetInt32());
        Assert.Equal("Large", root.GetProperty("Size").GetString());
        Assert.Equal("6f9619ff-8b86-d011-b42d-00c04fc964ff", root.GetProperty("Id").GetString());
        Assert.Equal(DateTimeOffset.Parse("2026-11-25T10:00:00+01:00"), root.GetProperty("Listed").GetDateTimeOffset());
        Assert.Equal("1.02:03:04", root.GetProperty("ShelfLife").GetString());
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, root.GetProperty("Thumbnail").GetBytesFromBase64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("Rating").ValueKind);
        Assert.Equal("cm", root.GetProperty("Box").GetProperty("Unit").GetString());
        Assert.Equal(["a", "b"], root.GetProperty("Tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([1, 2, 3], root.GetProperty("Scores").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("mm", root.GetProperty("Parts")[0].GetProperty("Unit").GetString());
        Assert.Equal([0, 1], root.GetProperty("Palette").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(2, root.GetProperty("Counts").GetProperty("y").GetInt32());
        Assert.Equal(9, root.GetProperty("Variants").GetProperty("big").GetProperty("Width").GetDouble());
        Assert.Equal("""{"any":[1,"two",null]}""", root.GetProperty("Extra").GetRawText());
        Assert.Equal("L1", root.GetProperty("legacy_code").GetString());
        Assert.False(root.TryGetProperty("Secret", out _));
        Assert.False(root.TryGetProperty("Optional", out _));
        Assert.Equal("p-1!", root.GetProperty("Computed").GetString());
    }

    [Fact]
    public async Task Read_MissingOptionalMembers_KeepsTheTypesOwnDefaults()
    {
        var invocation = await _host.InvokeAsync("product", """{"Sku":"p-2"}""");

        using var json = JsonDocument.Parse(invocation.ResultJson!);
        Assert.Equal("unnamed", json.RootElement.GetProperty("Name").GetString());
        Assert.Equal(7, json.RootElement.GetProperty("Stock").GetInt32());
        Assert.Equal("Small", json.RootElement.GetProperty("Size").GetString());
    }

    [Fact]
    public async Task Read_RecursiveType_ReadsEveryLevel()
    {
        var invocation = await _host.InvokeAsync("tree", """{"Label":"a","Children":[{"Label":"b","Children":[{"Label":"c","Children":[]}]}]}""");

        Assert.Equal("""{"Label":"a","Children":[{"Label":"b","Children":[{"Label":"c","Children":[]}]}]}""", invocation.ResultJson);
    }

    [Theory]
    [InlineData("""{"Name":"x"}""", "$.Sku", "required property 'Sku'")]
    [InlineData("""{"Sku":"p","Stock":"3"}""", "$.Stock", "Expected a number but found \"3\"")]
    [InlineData("""{"Sku":"p","Stock":3000000000}""", "$.Stock", "out of range")]
    [InlineData("""{"Sku":"p","Listed":"yesterday"}""", "$.Listed", "ISO 8601")]
    [InlineData("""{"Sku":"p","Thumbnail":"***"}""", "$.Thumbnail", "base64")]
    [InlineData("""{"Sku":"p","Color":"Purple"}""", "$.Color", "not a value of Color")]
    [InlineData("""{"Sku":"p","Parts":[{"Width":1,"Height":1},{"Width":"w","Height":1}]}""", "$.Parts[1].Width", "Expected a number")]
    [InlineData("""{"Sku":"p","Variants":{"odd key":{"Height":1}}}""", "$.Variants['odd key'].Width", "required property 'Width'")]
    [InlineData("""{"Sku":"p","Box":{"Width":1,"Height":1}""", "$", "malformed")]
    [InlineData("""{"Sku":"p"} trailing""", "$", "")]
    [InlineData("""{"Sku":null}""", "$.Sku", "null is not allowed here: Sku is not nullable")]
    [InlineData("""{"Sku":"p","Tags":null}""", "$.Tags", "Tags is not nullable")]
    [InlineData("""[1,2]""", "$", "an object for Product")]
    public async Task Read_BadInput_FailsWithThePathAndWhatWasExpected(string payload, string path, string expected)
    {
        var invocation = await _host.InvokeAsync("product", payload);

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
        Assert.Contains($"(at {path})", invocation.ErrorMessage);
        Assert.Contains(expected, invocation.ErrorMessage);
    }

    [Fact]
    public async Task Read_NestingDeeperThanTheLimit_FailsInsteadOfRecursingOn()
    {
        var deep = string.Concat(Enumerable.Repeat("""{"Label":"x","Children":[""", 40)) + string.Concat(Enumerable.Repeat("]}", 40));

        var invocation = await _host.InvokeAsync("tree", deep);

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
        Assert.Contains("depth", invocation.ErrorMessage);
    }

    [Fact]
    public async Task Read_NullForNullableEvent_CallsTheHandlerWithNull()
    {
        var invocation = await _host.InvokeAsync("dimensions", "null");

        Assert.Equal("null", invocation.ResultJson);
    }

    [Fact]
    public async Task Read_EscapedPropertyName_MatchesItsUnescapedName()
    {
        var invocation = await _host.InvokeAsync("dimensions", """{"\u0057idth":4,"Height":5}""");

        Assert.StartsWith("""{"Width":4""", invocation.ResultJson);
    }

    [Fact]
    public async Task CamelCaseApp_ReadsAndWritesCamelCaseNames()
    {
        var invocation = await _camel.InvokeAsync("order", """{"orderId":"o-1","itemCount":2,"status":"closedForGood"}""");

        Assert.Equal("""{"orderId":"o-1","itemCount":2,"status":"closedForGood"}""", invocation.ResultJson);
    }

    [Fact]
    public async Task CaseInsensitiveApp_MatchesNamesInAnyCase()
    {
        var invocation = await _camel.InvokeAsync("order", """{"ORDERID":"o-1","ItemCount":2,"status":1}""");

        Assert.Equal("""{"orderId":"o-1","itemCount":2,"status":"closedForGood"}""", invocation.ResultJson);
    }

    [Fact]
    public void ToJson_WritesTheTypeAsTheFunctionsReadIt()
    {
        var app = LoadedApp.Application(GeneratorRun.Of(JsonSources.CamelCaseApp).Output);
        var assembly = app.GetType().Assembly;
        var orderType = assembly.GetType("Shop.Order", throwOnError: true)!;
        var status = Enum.Parse(assembly.GetType("Shop.Status", throwOnError: true)!, "ClosedForGood");
        var order = Activator.CreateInstance(orderType, "o-7", 3, status);
        var toJson = assembly.GetType("Impulse.Generated.ImpulseJson", throwOnError: true)!.GetMethod("ToJson", [orderType])!;

        Assert.Equal("""{"orderId":"o-7","itemCount":3,"status":"closedForGood"}""", toJson.Invoke(null, [order]));
    }
}
