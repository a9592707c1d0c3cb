using System.IO.Compression;
using System.Text;

namespace Impulse.Events.Tests;

/// <summary><see cref="CloudWatchLogsEvent.Decode"/>: base64, then gzip, then a hand-written JSON reader.</summary>
public sealed class CloudWatchLogsDecodeTests
{
    private const string DataPath = "$.awslogs.data";

    [Fact]
    public void Decode_NotBase64_ThrowsAtDataPath()
    {
        var error = Assert.Throws<EventReadException>(() => Event("not base64 at all!").Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("not base64", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void Decode_Empty_ThrowsAtDataPath()
    {
        var error = Assert.Throws<EventReadException>(() => new CloudWatchLogsEvent().Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("missing or empty", error.Message);
    }

    [Fact]
    public void Decode_Base64ButNotGzip_ThrowsAtDataPath()
    {
        var error = Assert.Throws<EventReadException>(() => Event(Convert.ToBase64String("""{"owner":"1"}"""u8)).Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("not gzip", error.Message);
    }

    [Fact]
    public void Decode_CorruptGzipBody_ThrowsAtDataPath()
    {
        var gzip = Gzip("""{"owner":"1","logEvents":[]}""");
        for (var i = 10; i < gzip.Length - 8; i++)
            gzip[i] ^= 0x5a;

        var error = Assert.Throws<EventReadException>(() => Event(Convert.ToBase64String(gzip)).Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void Decode_MalformedJson_NamesThePathInsideTheData()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("""{"owner":"1","logEvents":[{"id":"a","timestamp":1,"message":"x"},{"id":"b","message": }]}""").Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("not valid JSON", error.Message);
        Assert.Contains("$.logEvents[1].message", error.Message);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException);
    }

    [Fact]
    public void Decode_WrongValueType_NamesThePathInsideTheData()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("""{"logEvents":[{"id":"a","timestamp":"soon","message":"x"}]}""").Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("expects a number at $.logEvents[0].timestamp", error.Message);
    }

    [Fact]
    public void Decode_FractionalTimestamp_NamesThePathInsideTheData()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("""{"logEvents":[{"timestamp":1.5}]}""").Decode());

        Assert.Contains("$.logEvents[0].timestamp", error.Message);
        Assert.Contains("1.5", error.Message);
    }

    [Fact]
    public void Decode_RootNotAnObject_Throws()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("""["owner"]""").Decode());

        Assert.Equal(DataPath, error.Path);
        Assert.Contains("expects an object at $ but found an array", error.Message);
    }

    [Fact]
    public void Decode_TrailingData_Throws()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("""{"owner":"1"} {}""").Decode());

        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Decode_EmptyDocument_Throws()
    {
        var error = Assert.Throws<EventReadException>(() => Encoded("").Decode());

        Assert.Equal(DataPath, error.Path);
    }

    [Fact]
    public void Decode_UnknownAndNestedProperties_AreSkipped()
    {
        var data = Encoded("""
            {"policyLevel":"ACCOUNT_LEVEL_POLICY","owner":"42","extra":{"a":[1,{"b":null}]},
             "logEvents":[{"id":"e1","extractedFields":{"k":"v"},"timestamp":7,"message":"m\u00e9"}],
             "subscriptionFilters":["f1","f2"]}
            """).Decode();

        Assert.Equal("42", data.Owner);
        Assert.Equal(["f1", "f2"], data.SubscriptionFilters);
        Assert.Equal(new CloudWatchLogEvent { Id = "e1", Timestamp = 7, Message = "mé" }, Assert.Single(data.LogEvents));
        Assert.Equal("", data.LogGroup);
    }

    [Fact]
    public void Decode_ControlMessage_ReadsEmptyNames()
    {
        var data = Encoded("""{"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],"logEvents":[{"id":"","timestamp":1440442987000,"message":"CWL CONTROL MESSAGE: Checking health of destination Lambda."}]}""").Decode();

        Assert.Equal("CONTROL_MESSAGE", data.MessageType);
        Assert.Empty(data.SubscriptionFilters);
        Assert.StartsWith("CWL CONTROL MESSAGE", Assert.Single(data.LogEvents).Message);
    }

    private static CloudWatchLogsEvent Event(string data) => new() { Awslogs = new CloudWatchLogsPayload { Data = data } };

    private static CloudWatchLogsEvent Encoded(string json) => Event(Convert.ToBase64String(Gzip(json)));

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            gzip.Write(Encoding.UTF8.GetBytes(text));
        return output.ToArray();
    }
}
