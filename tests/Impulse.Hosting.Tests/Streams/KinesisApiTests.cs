using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>Kinesis's <c>PutRecord</c> and <c>PutRecords</c> in the AWS JSON 1.1 protocol, as the AWS CLI sends them.</summary>
public sealed class KinesisApiTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> CallAsync(TestHost host, string operation, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/x-amz-json-1.1"),
        };
        request.Headers.Add("X-Amz-Target", "Kinesis_20131202." + operation);
        using var response = await host.Client.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task PutRecord_ReturnsShardAndSequenceNumber_AndTheTriggerGetsTheData()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString("N");

        var (status, body) = await CallAsync(host, "PutRecord", new { StreamName = "ordered", PartitionKey = key, Data = Base64($"{key}:0") });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("shardId-", body.GetProperty("ShardId").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(body.GetProperty("SequenceNumber").GetString()!);
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count == 1, "the record put through the Kinesis API");
        Assert.Equal($"{key}:0", StreamFunctions.Seen.Of(key)[0]);
    }

    [Fact]
    public async Task PutRecords_ByStreamArn_KeepsTheListsOrderPerKey()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString("N");
        var records = Enumerable.Range(0, 5).Select(i => new { PartitionKey = key, Data = Base64($"{key}:{i}") }).ToArray();

        var (status, body) = await CallAsync(host, "PutRecords", new { StreamARN = "arn:aws:kinesis:local:000000000000:stream/ordered", Records = records });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, body.GetProperty("FailedRecordCount").GetInt32());
        Assert.Equal(5, body.GetProperty("Records").GetArrayLength());
        await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count == 5, "the five records");
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"{key}:{i}"), StreamFunctions.Seen.Of(key));
    }

    [Fact]
    public async Task PutRecord_WithoutPartitionKey_IsAValidationException()
    {
        await using var host = await TestHost.StartAsync();

        var (status, body) = await CallAsync(host, "PutRecord", new { StreamName = "ordered", Data = Base64("x") });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ValidationException", body.GetProperty("__type").GetString());
        Assert.Contains("PartitionKey is required", body.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherOperation_IsAnUnknownOperationException()
    {
        await using var host = await TestHost.StartAsync();

        var (status, body) = await CallAsync(host, "CreateStream", new { StreamName = "ordered", ShardCount = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("UnknownOperationException", body.GetProperty("__type").GetString());
    }
}
