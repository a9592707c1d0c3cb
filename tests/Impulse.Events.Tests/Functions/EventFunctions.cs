using Impulse.Events;

namespace Impulse.Events.Tests.Functions;

/// <summary>
/// One function per built-in event type, as a user would write it. Each keeps the typed event it received, so
/// tests can look at what the generated reader built, and returns it, so the generated writer runs too.
/// </summary>
public static class EventFunctions
{
    /// <summary>Function names, as tests invoke them.</summary>
    public static class Names
    {
        public const string Sqs = "sqs";
        public const string Sns = "sns";
        public const string S3 = "s3";
        public const string Kinesis = "kinesis";
        public const string DynamoDb = "dynamodb";
        public const string RestApi = "apigw-rest";
        public const string HttpApi = "apigw-http";
        public const string RestApiEcho = "apigw-rest-echo";
        public const string HttpApiEcho = "apigw-http-echo";
        public const string EventBridgeS3 = "eventbridge-s3";
        public const string Scheduled = "scheduled";
        public const string Kafka = "kafka";
        public const string RabbitMq = "rabbitmq";
        public const string ActiveMq = "activemq";
        public const string CloudWatchLogs = "cloudwatch-logs";
        public const string Ses = "ses";
        public const string BatchItemFailures = "batch-item-failures";
    }

    [Function(Names.Sqs)]
    public static SqsEvent Sqs(SqsEvent e) => Received.Store(e);

    [Function(Names.Sns)]
    public static SnsEvent Sns(SnsEvent e) => Received.Store(e);

    [Function(Names.S3)]
    public static S3Event S3(S3Event e) => Received.Store(e);

    [Function(Names.Kinesis)]
    public static KinesisEvent Kinesis(KinesisEvent e) => Received.Store(e);

    [Function(Names.DynamoDb)]
    public static DynamoDbEvent DynamoDb(DynamoDbEvent e) => Received.Store(e);

    /// <summary>Answers with a response that carries the request back in its body, so both REST types are written.</summary>
    [Function(Names.RestApi)]
    public static ApiGatewayProxyResponse RestApi(ApiGatewayProxyRequest request)
    {
        Received.Store(request);
        return new ApiGatewayProxyResponse { StatusCode = 200, Body = request.Body, Headers = request.Headers, MultiValueHeaders = request.MultiValueHeaders, IsBase64Encoded = request.IsBase64Encoded };
    }

    [Function(Names.HttpApi)]
    public static ApiGatewayHttpApiV2ProxyResponse HttpApi(ApiGatewayHttpApiV2ProxyRequest request)
    {
        Received.Store(request);
        return new ApiGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.Body, Headers = request.Headers, Cookies = request.Cookies, IsBase64Encoded = request.IsBase64Encoded };
    }

    /// <summary>Returns the REST API request itself, so its generated writer can be held to a round trip.</summary>
    [Function(Names.RestApiEcho)]
    public static ApiGatewayProxyRequest RestApiEcho(ApiGatewayProxyRequest request) => Received.Store(request);

    /// <summary>Returns the HTTP API request itself, so its generated writer can be held to a round trip.</summary>
    [Function(Names.HttpApiEcho)]
    public static ApiGatewayHttpApiV2ProxyRequest HttpApiEcho(ApiGatewayHttpApiV2ProxyRequest request) => Received.Store(request);

    [Function(Names.EventBridgeS3)]
    public static EventBridgeEvent<S3EventBridgeDetail> EventBridgeS3(EventBridgeEvent<S3EventBridgeDetail> e) => Received.Store(e);

    [Function(Names.Scheduled)]
    public static ScheduledEvent Scheduled(ScheduledEvent e) => Received.Store(e);

    [Function(Names.Kafka)]
    public static KafkaEvent Kafka(KafkaEvent e) => Received.Store(e);

    [Function(Names.RabbitMq)]
    public static RabbitMqEvent RabbitMq(RabbitMqEvent e) => Received.Store(e);

    [Function(Names.ActiveMq)]
    public static ActiveMqEvent ActiveMq(ActiveMqEvent e) => Received.Store(e);

    [Function(Names.CloudWatchLogs)]
    public static CloudWatchLogsEvent CloudWatchLogs(CloudWatchLogsEvent e) => Received.Store(e);

    [Function(Names.Ses)]
    public static SesEvent Ses(SesEvent e) => Received.Store(e);

    [Function(Names.BatchItemFailures)]
    public static BatchItemFailuresResponse BatchItemFailures(BatchItemFailuresResponse e) => Received.Store(e);
}
