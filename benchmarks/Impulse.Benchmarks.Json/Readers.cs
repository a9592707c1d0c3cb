using System.Text;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Impulse.Events;

namespace Impulse.Benchmarks.Json;

/// <summary>The SQS sample with 1 and with 10 records, each record with its own message id and body.</summary>
[BenchmarkCategory("Read", "Sqs")]
public class SqsRead : ReadBenchmarks<SqsEvent>
{
    /// <summary>How many records the batch holds.</summary>
    [Params(1, 10)]
    public int Records { get; set; }

    /// <inheritdoc/>
    protected override byte[] Payload() => Payloads.Sqs(Records);

    /// <inheritdoc/>
    protected override JsonTypeInfo<SqsEvent> SourceGen => StjContext.Default.SqsEvent;

    /// <inheritdoc/>
    protected override void Check(SqsEvent value)
    {
        Expect(value.Records.Count == Records, $"{value.Records.Count} records");
        for (var i = 0; i < Records; i++)
        {
            var record = value.Records[i];
            Expect(record.MessageId == Payloads.MessageId(i + 1) && record.Body == Payloads.Body(i + 1), $"record {i} id or body");
            Expect(record.EventSourceArn == "arn:aws:sqs:us-west-2:123456789012:SQSQueue", "eventSourceARN");
            Expect(record.Attributes.Count == 4 && record.Attributes["SenderId"] == "AROAIWPX5BD2BHG722MW4:sender", "attributes");
            var binary = record.MessageAttributes["Attribute3"];
            Expect(binary.DataType == "Binary" && Encoding.ASCII.GetString(binary.BinaryValue!) == "1100", "binaryValue");
            Expect(binary.StringListValues is ["abc", "123"] && binary.BinaryListValues is { Count: 3 }, "list values");
        }
    }
}

/// <summary>The HTTP API (payload format 2.0) request with a JWT authorizer and mutual TLS.</summary>
[BenchmarkCategory("Read", "HttpApi")]
public class HttpApiRequestRead : ReadBenchmarks<ApiGatewayHttpApiV2ProxyRequest>
{
    /// <inheritdoc/>
    protected override byte[] Payload() => Payloads.HttpApiRequest();

    /// <inheritdoc/>
    protected override JsonTypeInfo<ApiGatewayHttpApiV2ProxyRequest> SourceGen => StjContext.Default.ApiGatewayHttpApiV2ProxyRequest;

    /// <inheritdoc/>
    protected override void Check(ApiGatewayHttpApiV2ProxyRequest value)
    {
        Expect(value.RawPath == "/my/path" && value.Cookies is ["cookie1", "cookie2"], "path or cookies");
        Expect(value.Body == "{\r\n\t\"a\": 1\r\n}", "body (escaped in the payload)");
        Expect(value.RequestContext.TimeEpoch == 1583348638390 && value.RequestContext.Http.UserAgent == "agent", "request context");
        Expect(value.RequestContext.Authorizer?.Jwt?.Claims["claim2"] == "value2", "JWT claims");
        Expect(value.RequestContext.Authentication?.ClientCert?.Validity.NotAfter == "Aug  5 00:28:21 2120 GMT", "client certificate");
        Expect(value.StageVariables?["stageVariable2"] == "value2", "stage variables");
    }
}

/// <summary>The DynamoDB Streams sample: two records, the second with most attribute types.</summary>
[BenchmarkCategory("Read", "DynamoDb")]
public class DynamoDbRead : ReadBenchmarks<DynamoDbEvent>
{
    /// <inheritdoc/>
    protected override byte[] Payload() => Payloads.DynamoDb();

    /// <inheritdoc/>
    protected override JsonTypeInfo<DynamoDbEvent> SourceGen => StjContext.Default.DynamoDbEvent;

    /// <inheritdoc/>
    protected override void Check(DynamoDbEvent value)
    {
        Expect(value.Records.Count == 2, $"{value.Records.Count} records");
        Expect(value.Records[0].UserIdentity?.PrincipalId == "dynamodb.amazonaws.com", "userIdentity");
        var image = value.Records[1].DynamoDb.NewImage!;
        Expect(value.Records[1].DynamoDb.ApproximateCreationDateTime == 1480642020 && value.Records[1].DynamoDb.SizeBytes == 54, "numbers");
        Expect(image.Count == 17 && image["Map"].M!["Age"].N == "35" && image["List"].L![2].N == "3.14159", "nested attribute values");
        Expect(image["Boolean"].BOOL == true && image["Null"].NULL == true && image["BinarySet"].BS is { Count: 2 }, "bool, null and binary set");
    }
}
