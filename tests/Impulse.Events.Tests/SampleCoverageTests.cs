using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names: every property of every AWS sample must land on a property of our types
// (unmapped JSON fails), and every value must survive a write back. They use reflection-based System.Text.Json
// against the [JsonPropertyName] attributes; Impulse's generated readers and writers get their own tests.
public sealed class SampleCoverageTests
{
    /// <summary>Each sample in ../shared/events and the type it reads as.</summary>
    public static TheoryData<string, Type> SampleTypes()
    {
        var data = new TheoryData<string, Type>();
        foreach (var entry in SampleCatalog.Entries)
            data.Add(entry.File, entry.Type);
        return data;
    }

    [Fact]
    public void SampleFolder_EveryFile_HasATypeHere()
    {
        var files = Directory.GetFiles(Samples.Directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var covered = SampleCatalog.Entries.Select(e => e.File).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(files);
        Assert.Equal(files, covered);
    }

    [Theory]
    [MemberData(nameof(SampleTypes))]
    public void Sample_ReadStrictly_MapsEveryProperty(string file, Type type)
    {
        var value = Samples.Read(file, type);

        Assert.IsType(type, value);
    }

    [Theory]
    [MemberData(nameof(SampleTypes))]
    public void Sample_WrittenBack_KeepsEveryValueAndIsStable(string file, Type type) =>
        Samples.AssertRoundTrips(file, type);

    [Theory]
    [MemberData(nameof(SampleTypes))]
    public void Sample_UnderAnotherNamingPolicy_ReadsTheSame(string file, Type type)
    {
        var plain = JsonSerializer.Serialize(Samples.Read(file, type), type, Samples.Strict);
        var policy = Samples.Options(JsonNamingPolicy.SnakeCaseUpper);

        var underPolicy = JsonSerializer.Serialize(Samples.Read(file, type, policy), type, policy);

        Assert.Equal(plain, underPolicy);
    }

    [Fact]
    public void StrictRead_UnknownProperty_Fails()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SqsEvent>("""{"Records":[{"messageId":"m","surprise":1}]}""", Samples.Strict));

        Assert.Equal("$.Records[0].surprise", error.Path);
    }

    [Fact]
    public void StrictRead_NullForNonNullableProperty_Fails()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<SqsEvent>("""{"Records":[{"body":null}]}""", Samples.Strict));

        Assert.Contains("body", error.Message);
    }

    [Fact]
    public void EventBridgeEvent_WithJsonElementDetail_ReadsAnyDetail()
    {
        var value = Samples.Read<EventBridgeEvent<JsonElement>>("cloudwatchevents-s3objectcreated.json");

        Assert.Equal("Object Created", value.DetailType);
        Assert.Equal("example-key", value.Detail.GetProperty("object").GetProperty("key").GetString());
    }

    [Fact]
    public void ScheduledSample_AsGenericEventBridgeEvent_ReadsToo()
    {
        var value = Samples.Read<EventBridgeEvent<JsonElement>>("scheduled-event.json");

        Assert.Equal("Scheduled Event", value.DetailType);
        Assert.Equal(JsonValueKind.Object, value.Detail.ValueKind);
    }
}
