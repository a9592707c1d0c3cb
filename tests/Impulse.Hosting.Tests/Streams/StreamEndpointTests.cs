using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests.Streams;

/// <summary><c>POST /impulse/streams/{stream}/records</c>: putting records on a local stream over HTTP.</summary>
public sealed class StreamEndpointTests
{
    private static Task<HttpResponseMessage> PostAsync(TestHost host, string path, string body) =>
        host.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Put_WithPartitionKey_Returns200WithShardAndSequenceNumberAndTheTriggerGetsTheRecord()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString("N");

        using var response = await PostAsync(host, $"/impulse/streams/ordered/records?partitionKey={key}", $"{key}:0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("shardId-", body.RootElement.GetProperty("ShardId").GetString(), StringComparison.Ordinal);
        Assert.Equal(20, body.RootElement.GetProperty("SequenceNumber").GetString()!.Length);
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count == 1, "the record put over HTTP");
        Assert.Equal($"{key}:0", StreamFunctions.Seen.Of(key)[0]);
    }

    [Fact]
    public async Task FunctionPutsThroughTheAmbientSender_TheStreamTriggerGetsTheRecord()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString("N");

        using var response = await host.InvokeAsync("stream-feeder", $$"""{"key":"{{key}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"), body);
        // The sequence number the put returned, as a JSON string: 20 digits in quotes.
        Assert.True(body.Length == 22, body);
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count == 1, "the record the function put");
        Assert.Equal($"{key}:fed", StreamFunctions.Seen.Of(key)[0]);
    }

    [Fact]
    public async Task Put_WithoutPartitionKeyOnAKinesisStream_Returns400NamingTheParameter()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await PostAsync(host, "/impulse/streams/ordered/records", "x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("partitionKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_NotAChangeOnADynamoDbStream_Returns400WithTheReason()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await PostAsync(host, "/impulse/streams/orders-table/records", """{"eventName":"INSERT"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("needs the item's Keys", body.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_LargerThanOneMebibyte_Returns413()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await PostAsync(host, "/impulse/streams/ordered/records?partitionKey=k", new string('x', 1024 * 1024 + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_Returns405AllowingPost()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.GetAsync("/impulse/streams/ordered/records");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
    }
}
