using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names: every property of every AWS sample must land on a property of our types
// (unmapped JSON fails), and every value must survive a write back. They use reflection-based System.Text.Json
// against the [JsonPropertyName] attributes; Impulse's generated readers and writers get their own tests.
public sealed class SampleCoverageTests
{
    /// <summary>Each sample in ../shared/events and the type it reads as.</summary>
    public static readonly TheoryData<string, Type> SampleTypes = new()
    {
        { "activemq-event.json", typeof(ActiveMqEvent) },
        { "apigw-request.json", typeof(ApiGatewayProxyRequest) },
        { "apigw-v2-request-iam.json", typeof(ApiGatewayHttpApiV2ProxyRequest) },
        { "apigw-v2-request-jwt-authorizer.json", typeof(ApiGatewayHttpApiV2ProxyRequest) },
        { "apigw-v2-request-no-authorizer.json", typeof(ApiGatewayHttpApiV2ProxyRequest) },
        { "cloudwatch-logs-event.json", typeof(CloudWatchLogsEvent) },
        { "cloudwatchevents-s3objectcreated.json", typeof(EventBridgeEvent<S3EventBridgeDetail>) },
        { "dynamodb-event.json", typeof(DynamoDbEvent) },
        { "kafka-event.json", typeof(KafkaEvent) },
        { "kinesis-batchitemfailures-response.json", typeof(BatchItemFailuresResponse) },
        { "kinesis-event.json", typeof(KinesisEvent) },
        { "lambda-urls-request.json", typeof(ApiGatewayHttpApiV2ProxyRequest) },
        { "rabbitmq-event.json", typeof(RabbitMqEvent) },
        { "s3-event.json", typeof(S3Event) },
        { "scheduled-event.json", typeof(ScheduledEvent) },
        { "ses-lambda-event.json", typeof(SesEvent) },
        { "sns-event.json", typeof(SnsEvent) },
        { "sqs-event.json", typeof(SqsEvent) },
        { "sqs-response.json", typeof(BatchItemFailuresResponse) },
    };

    [Fact]
    public void SampleFolder_EveryFile_HasATypeHere()
    {
        var files = Directory.GetFiles(Samples.Directory, "*.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        var covered = SampleTypes.Select(row => (string)row[0]).Order(StringComparer.Ordinal).ToList();

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
