using Names = Impulse.Events.Tests.Functions.EventFunctions.Names;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// One AWS sample: the type it reads as, the function that takes it as a user would, the function that returns
/// it unchanged (the same one, except for HTTP requests, whose user function answers with a response), and what
/// the typed value must hold.
/// </summary>
internal sealed record SampleEntry(string File, Type Type, string Function, string EchoFunction, Action<object> Expect)
{
    public override string ToString() => File;
}

/// <summary>Every sample in <c>../shared/events</c>; <see cref="SampleCoverageTests"/> holds the folder to this list.</summary>
internal static class SampleCatalog
{
    public static readonly IReadOnlyList<SampleEntry> Entries =
    [
        Entry<ActiveMqEvent>("activemq-event.json", Names.ActiveMq, SampleExpectations.ActiveMqEvent),
        Entry<ApiGatewayProxyRequest>("apigw-request.json", Names.RestApi, SampleExpectations.RestApiRequest, Names.RestApiEcho),
        Entry<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-iam.json", Names.HttpApi, SampleExpectations.HttpApiIamRequest, Names.HttpApiEcho),
        Entry<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-jwt-authorizer.json", Names.HttpApi, SampleExpectations.HttpApiJwtRequest, Names.HttpApiEcho),
        Entry<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-no-authorizer.json", Names.HttpApi, SampleExpectations.HttpApiNoAuthorizerRequest, Names.HttpApiEcho),
        Entry<CloudWatchLogsEvent>("cloudwatch-logs-event.json", Names.CloudWatchLogs, SampleExpectations.CloudWatchLogsEvent),
        Entry<EventBridgeEvent<S3EventBridgeDetail>>("cloudwatchevents-s3objectcreated.json", Names.EventBridgeS3, SampleExpectations.EventBridgeS3Event),
        Entry<DynamoDbEvent>("dynamodb-event.json", Names.DynamoDb, SampleExpectations.DynamoDbEvent),
        Entry<KafkaEvent>("kafka-event.json", Names.Kafka, SampleExpectations.KafkaEvent),
        Entry<BatchItemFailuresResponse>("kinesis-batchitemfailures-response.json", Names.BatchItemFailures, SampleExpectations.KinesisResponse),
        Entry<KinesisEvent>("kinesis-event.json", Names.Kinesis, SampleExpectations.KinesisEvent),
        Entry<ApiGatewayHttpApiV2ProxyRequest>("lambda-urls-request.json", Names.HttpApi, SampleExpectations.FunctionUrlRequest, Names.HttpApiEcho),
        Entry<RabbitMqEvent>("rabbitmq-event.json", Names.RabbitMq, SampleExpectations.RabbitMqEvent),
        Entry<S3Event>("s3-event.json", Names.S3, SampleExpectations.S3Event),
        Entry<ScheduledEvent>("scheduled-event.json", Names.Scheduled, SampleExpectations.ScheduledEvent),
        Entry<SesEvent>("ses-lambda-event.json", Names.Ses, SampleExpectations.SesEvent),
        Entry<SnsEvent>("sns-event.json", Names.Sns, SampleExpectations.SnsEvent),
        Entry<SqsEvent>("sqs-event.json", Names.Sqs, SampleExpectations.SqsEvent),
        Entry<BatchItemFailuresResponse>("sqs-response.json", Names.BatchItemFailures, SampleExpectations.SqsResponse),
    ];

    public static SampleEntry Get(string file) => Entries.Single(e => e.File == file);

    /// <summary>The sample file names, for theories; xunit shows the name in each case.</summary>
    public static TheoryData<string> Files() => new(Entries.Select(e => e.File));

    private static SampleEntry Entry<T>(string file, string function, Action<T> expect, string? echo = null) =>
        new(file, typeof(T), function, echo ?? function, value => expect(Assert.IsType<T>(value)));
}
