using System.Text;
using System.Text.Json;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// What each AWS sample in <c>../shared/events</c> must read as, field by field. Shared by the tests that read the
/// samples with reflection-based System.Text.Json (which pin the wire names) and the tests that read them through
/// the generated readers (which must agree), so both hold the same expectations.
/// </summary>
internal static class SampleExpectations
{
    public static void SqsEvent(SqsEvent value)
    {
        var message = Assert.Single(value.Records);

        Assert.Equal("MessageID_1", message.MessageId);
        Assert.Equal("MessageReceiptHandle", message.ReceiptHandle);
        Assert.Equal("Message Body", message.Body);
        Assert.Equal("fce0ea8dd236ccb3ed9b37dae260836f", message.Md5OfBody);
        Assert.Equal("arn:aws:sqs:us-west-2:123456789012:SQSQueue", message.EventSourceArn);
        Assert.Equal("us-west-2", message.AwsRegion);
        Assert.Equal("2", message.Attributes["ApproximateReceiveCount"]);
        Assert.Equal("AROAIWPX5BD2BHG722MW4:sender", message.Attributes["SenderId"]);
        Assert.Equal("AttributeValue1", message.MessageAttributes["Attribute1"].StringValue);
        Assert.Equal("String", message.MessageAttributes["Attribute1"].DataType);
        Assert.Equal("123", message.MessageAttributes["Attribute2"].StringValue);
        Assert.Equal("1100"u8.ToArray(), message.MessageAttributes["Attribute3"].BinaryValue);
        Assert.Equal(["abc", "123"], message.MessageAttributes["Attribute3"].StringListValues!);
        Assert.Equal([[(byte)'0'], [(byte)'1'], [(byte)'0']], message.MessageAttributes["Attribute3"].BinaryListValues!);
    }

    public static void SnsEvent(SnsEvent value)
    {
        var record = Assert.Single(value.Records);

        Assert.Equal("arn:aws:sns:EXAMPLE", record.EventSubscriptionArn);
        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal("95df01b4-ee98-5cb9-9903-4c221d41eb5e", record.Sns.MessageId);
        Assert.Equal("Hello from SNS!", record.Sns.Message);
        Assert.Equal("TestInvoke", record.Sns.Subject);
        Assert.Equal("Notification", record.Sns.Type);
        Assert.Equal(new DateTimeOffset(2015, 6, 3, 17, 43, 27, 123, TimeSpan.Zero), record.Sns.Timestamp);
        Assert.Equal("TestString", record.Sns.MessageAttributes["Test"].Value);
        Assert.Equal("Binary", record.Sns.MessageAttributes["TestBinary"].Type);
    }

    public static void KinesisEvent(KinesisEvent value)
    {
        var records = value.Records;

        Assert.Equal(2, records.Count);
        Assert.Equal("Hello World", Encoding.UTF8.GetString(records[0].Kinesis.Data));
        Assert.Equal("s1", records[0].Kinesis.PartitionKey);
        Assert.Equal("49568167373333333333333333333333333333333333333333333333", records[0].Kinesis.SequenceNumber);
        Assert.Equal(1480641523.477, records[0].Kinesis.ApproximateArrivalTimestamp);
        Assert.Equal("shardId-000000000000:49568167373333333334444444444444444444444444444444444444", records[1].EventId);
        Assert.Equal("arn:aws:iam::123456789012:role/LambdaRole", records[1].InvokeIdentityArn);
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream", records[1].EventSourceArn);
    }

    public static void DynamoDbEvent(DynamoDbEvent value)
    {
        var records = value.Records;

        Assert.Equal(2, records.Count);
        var first = records[0];
        Assert.Equal("INSERT", first.EventName);
        Assert.Equal("dynamodb.amazonaws.com", first.UserIdentity!.PrincipalId);
        Assert.Null(records[1].UserIdentity);
        Assert.Equal(1480642020, first.DynamoDb.ApproximateCreationDateTime);
        Assert.Equal("binary", first.DynamoDb.Keys["key"].S);
        Assert.Equal("NEW_AND_OLD_IMAGES", first.DynamoDb.StreamViewType);
        Assert.Equal(54, first.DynamoDb.SizeBytes);
        Assert.Null(first.DynamoDb.OldImage);

        var image = records[1].DynamoDb.NewImage!;
        Assert.Equal("Hello", image["String"].S);
        Assert.Equal("123.45", image["FloatNumber"].N);
        Assert.Equal("123", image["IntegerNumber"].N);
        Assert.Equal(new byte[] { 0, 1, 42, 65 }, image["Binary"].B);
        Assert.True(image["Boolean"].BOOL);
        Assert.True(image["Null"].NULL);
        Assert.Equal(["Giraffe", "Zebra"], image["StringSet"].SS!);
        Assert.Empty(image["EmptyStringSet"].SS!);
        Assert.Equal(["1234", "567.8"], image["NumberSet"].NS!);
        Assert.Equal(2, image["BinarySet"].BS!.Count);
        Assert.Equal(new byte[] { 0, 1, 42, 65 }, image["BinarySet"].BS![0]);
        Assert.Equal("Joe", image["Map"].M!["Name"].S);
        Assert.Equal("35", image["Map"].M!["Age"].N);
        Assert.Equal("Cookies", image["List"].L![0].S);
        Assert.Equal("3.14159", image["List"].L![2].N);
        Assert.Null(image["String"].N);
    }

    public static void SqsResponse(BatchItemFailuresResponse value) =>
        Assert.Equal(["MessageID_1", "MessageID_2"], value.BatchItemFailures.Select(f => f.ItemIdentifier));

    public static void KinesisResponse(BatchItemFailuresResponse value) =>
        Assert.Equal("1405400000000002063282832", Assert.Single(value.BatchItemFailures).ItemIdentifier);

    public static void RestApiRequest(ApiGatewayProxyRequest request)
    {
        Assert.Equal("/{proxy+}", request.Resource);
        Assert.Equal("/hello/world", request.Path);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("application/json", request.Headers!["Content-Type"]);
        Assert.Equal(["54.240.196.186, 54.182.214.83"], request.MultiValueHeaders!["X-Forwarded-For"]);
        Assert.Equal("me", request.QueryStringParameters!["name"]);
        Assert.Equal(["me"], request.MultiValueQueryStringParameters!["name"]);
        Assert.Equal("hello/world", request.PathParameters!["proxy"]);
        Assert.Equal("stageVariableValue", request.StageVariables!["stageVariableName"]);
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", request.Body);
        Assert.False(request.IsBase64Encoded);

        var context = request.RequestContext;
        Assert.Equal("12345678912", context.AccountId);
        Assert.Equal("testStage", context.Stage);
        Assert.Equal("deef4878-7910-11e6-8f14-25afc3e9ae33", context.RequestId);
        Assert.Equal("gy415nuibc", context.ApiId);
        Assert.Equal(1589522469693, context.RequestTimeEpoch);
        Assert.Equal("192.168.196.186", context.Identity.SourceIp);
        Assert.Equal("theApiKeyId", context.Identity.ApiKeyId);
        Assert.Equal("www.example.com", context.Identity.ClientCert!.SubjectDn);
        Assert.Equal("Aug  5 09:36:04 2021 GMT", context.Identity.ClientCert.Validity.NotAfter);
        Assert.Equal("admin", context.Authorizer!["principalId"].GetString());
        Assert.Equal(1, context.Authorizer["clientId"].GetInt32());
    }

    public static void HttpApiJwtRequest(ApiGatewayHttpApiV2ProxyRequest request)
    {
        Assert.Equal("2.0", request.Version);
        Assert.Equal("$default", request.RouteKey);
        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal("parameter1=value1&parameter1=value2&parameter2=value", request.RawQueryString);
        Assert.Equal(["cookie1", "cookie2"], request.Cookies!);
        Assert.Equal("value1,value2", request.QueryStringParameters!["parameter1"]);
        Assert.Equal("GET", request.RequestContext.Http.Method);
        Assert.Equal("agent", request.RequestContext.Http.UserAgent);
        Assert.Equal(1583348638390, request.RequestContext.TimeEpoch);
        var jwt = request.RequestContext.Authorizer!.Jwt!;
        Assert.Equal("value1", jwt.Claims["claim1"]);
        Assert.Equal("value2", jwt.Claims["claim2"]);
        Assert.Equal(["scope1", "scope2"], jwt.Scopes!);
        Assert.Null(request.RequestContext.Authorizer.Iam);
        Assert.Equal("1", request.RequestContext.Authentication!.ClientCert!.SerialNumber);
    }

    public static void HttpApiIamRequest(ApiGatewayHttpApiV2ProxyRequest request)
    {
        var iam = request.RequestContext.Authorizer!.Iam!;
        Assert.Equal("ARIA2ZJZYVUEREEIHAKY", iam.AccessKey);
        Assert.Equal("AwsOrgId", iam.PrincipalOrgId);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", iam.UserArn);
        Assert.Equal(["foo"], iam.CognitoIdentity!.Amr);
        Assert.Equal("us-east-1:4f291106-8703-466b-8f2b-3ecee1ca56ce", iam.CognitoIdentity.IdentityPoolId);
        Assert.Null(request.RequestContext.Authorizer.Jwt);
        Assert.Equal("value1", request.StageVariables!["stageVariable1"]);
    }

    public static void HttpApiNoAuthorizerRequest(ApiGatewayHttpApiV2ProxyRequest request)
    {
        Assert.Equal("/", request.RawPath);
        Assert.Equal("", request.RawQueryString);
        Assert.Null(request.Cookies);
        Assert.Null(request.QueryStringParameters);
        Assert.Null(request.Body);
        Assert.Null(request.RequestContext.Authorizer);
        Assert.Equal("curl/7.58.0", request.Headers["user-agent"]);
        Assert.Equal("LV7fzho-PHcEJPw=", request.RequestContext.RequestId);
        Assert.Equal("1.2.3.4", request.RequestContext.Http.SourceIp);
    }

    public static void FunctionUrlRequest(ApiGatewayHttpApiV2ProxyRequest request)
    {
        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal("", request.RouteKey);
        Assert.Equal("Hello from client!", request.Body);
        Assert.Equal("value1,value2", request.Headers["header2"]);
        Assert.Equal("POST", request.RequestContext.Http.Method);
        Assert.Equal("<url-id>.lambda-url.us-west-2.on.aws", request.RequestContext.DomainName);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", request.RequestContext.Authorizer!.Iam!.UserArn);
        Assert.Null(request.RequestContext.Authorizer.Iam.CognitoIdentity);
        Assert.Null(request.PathParameters);
    }

    public static void S3Event(S3Event value)
    {
        var record = Assert.Single(value.Records);

        Assert.Equal("ObjectCreated:Put", record.EventName);
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), record.EventTime);
        Assert.Equal("EXAMPLE", record.UserIdentity.PrincipalId);
        Assert.Equal("127.0.0.1", record.RequestParameters.SourceIpAddress);
        Assert.Equal("C3D13FE58DE4C810", record.ResponseElements.RequestId);
        Assert.StartsWith("FMyUVURIY8/", record.ResponseElements.HostId);
        Assert.Equal("testConfigRule", record.S3.ConfigurationId);
        Assert.Equal("sourcebucket", record.S3.Bucket.Name);
        Assert.Equal("arn:aws:s3:::mybucket", record.S3.Bucket.Arn);
        Assert.Equal("Happy%20Face.jpg", record.S3.Object.Key);
        Assert.Equal(1024, record.S3.Object.Size);
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", record.S3.Object.ETag);
        Assert.Equal("version", record.S3.Object.VersionId);
        Assert.Null(record.GlacierEventData);
    }

    public static void EventBridgeS3Event(EventBridgeEvent<S3EventBridgeDetail> value)
    {
        Assert.Equal("17793124-05d4-b198-2fde-7ededc63b103", value.Id);
        Assert.Equal("Object Created", value.DetailType);
        Assert.Equal("aws.s3", value.Source);
        Assert.Equal(new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero), value.Time);
        Assert.Equal(["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"], value.Resources);
        var detail = value.Detail!;
        Assert.Equal("DOC-EXAMPLE-BUCKET1", detail.Bucket.Name);
        Assert.Equal("example-key", detail.Object.Key);
        Assert.Equal(5, detail.Object.Size);
        Assert.Equal("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", detail.Object.VersionId);
        Assert.Equal("N4N7GDK58NMKJ12R", detail.RequestId);
        Assert.Equal("1.2.3.4", detail.SourceIpAddress);
        Assert.Equal("PutObject", detail.Reason);
        Assert.Null(value.ReplayName);
    }

    public static void ScheduledEvent(ScheduledEvent tick)
    {
        Assert.Equal("Scheduled Event", tick.DetailType);
        Assert.Equal("aws.events", tick.Source);
        Assert.Equal("123456789012", tick.Account);
        Assert.Equal("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c", tick.Id);
        Assert.Equal(DateTimeOffset.UnixEpoch, tick.Time);
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/my-schedule"], tick.Resources);
        Assert.Equal(JsonValueKind.Object, tick.Detail.ValueKind);
        Assert.Empty(tick.Detail.EnumerateObject());
    }

    public static void SesEvent(SesEvent value)
    {
        var ses = Assert.Single(value.Records).Ses;

        Assert.Equal("aws@amazon.com", ses.Mail.Source);
        Assert.Equal("6n4thuhcbhpfiuf25gshf70rss364fuejrvmqko1", ses.Mail.MessageId);
        Assert.Equal(new DateTimeOffset(1970, 1, 1, 0, 0, 0, 123, TimeSpan.Zero), ses.Mail.Timestamp);
        Assert.Equal(["lambda@amazon.com"], ses.Mail.Destination);
        Assert.Equal(10, ses.Mail.Headers.Count);
        Assert.Equal("Return-Path", ses.Mail.Headers[0].Name);
        Assert.Equal("Test Subject", ses.Mail.CommonHeaders.Subject);
        Assert.Equal(["Amazon Web Services <aws@amazon.com>"], ses.Mail.CommonHeaders.From!);
        Assert.Null(ses.Mail.CommonHeaders.Cc);
        Assert.Equal("PASS", ses.Receipt.SpamVerdict.Status);
        Assert.Equal("PASS", ses.Receipt.VirusVerdict.Status);
        Assert.Equal("reject", ses.Receipt.DmarcPolicy);
        Assert.Equal(574, ses.Receipt.ProcessingTimeMillis);
        Assert.Equal("Lambda", ses.Receipt.Action.Type);
        Assert.Equal("arn:aws:lambda:us-east-1:000000000000:function:my-ses-lambda-function", ses.Receipt.Action.FunctionArn);
    }

    public static void CloudWatchLogsEvent(CloudWatchLogsEvent value)
    {
        var data = value.Decode();

        Assert.Equal("DATA_MESSAGE", data.MessageType);
        Assert.Equal("123456789123", data.Owner);
        Assert.Equal("testLogGroup", data.LogGroup);
        Assert.Equal("testLogStream", data.LogStream);
        Assert.Equal(["testFilter"], data.SubscriptionFilters);
        Assert.Equal(2, data.LogEvents.Count);
        Assert.Equal(new CloudWatchLogEvent { Id = "eventId1", Timestamp = 1440442987000, Message = "[ERROR] First test message" }, data.LogEvents[0]);
        Assert.Equal("[ERROR] Second test message", data.LogEvents[1].Message);
        Assert.Equal(1440442987001, data.LogEvents[1].Timestamp);
    }

    public static void KafkaEvent(KafkaEvent kafka)
    {
        Assert.Equal("aws:kafka", kafka.EventSource);
        Assert.StartsWith("arn:aws:kafka:us-west-2:012345678901:cluster/ExampleMSKCluster/", kafka.EventSourceArn);
        Assert.StartsWith("b-2.demo-cluster-1.a1bcde.c1.kafka.us-east-1.amazonaws.com:9092,", kafka.BootstrapServers);
        var (key, records) = Assert.Single(kafka.Records);
        Assert.Equal("AWSKafkaTopic-0", key);
        var record = Assert.Single(records);
        Assert.Equal("AWSKafkaTopic", record.Topic);
        Assert.Equal(0, record.Partition);
        Assert.Equal(0, record.Offset);
        Assert.Equal(1595035749700, record.Timestamp);
        Assert.Equal("CREATE_TIME", record.TimestampType);
        Assert.Equal("8d5596b4-1813-4238-b24b-6dad8e3d1c0c", Encoding.UTF8.GetString(record.Value!));
        Assert.Equal("8d5596b4-1813-4238-b24b-6dad8e3d1c0c", Encoding.UTF8.GetString(record.Key!));
        Assert.Equal([118, -36, 0, 127, -128], Assert.Single(record.Headers)["headerKey"]);
    }

    public static void RabbitMqEvent(RabbitMqEvent rabbit)
    {
        Assert.Equal("aws:rmq", rabbit.EventSource);
        var (queue, messages) = Assert.Single(rabbit.RmqMessagesByQueue);
        Assert.Equal("test::/", queue);
        var message = Assert.Single(messages);
        Assert.False(message.Redelivered);
        Assert.Equal("""{"timeout":0,"data":"CZrmf0Gw8Ov4bqLQxD4E"}""", Encoding.UTF8.GetString(message.Data!));
        var properties = message.BasicProperties;
        Assert.Equal("text/plain", properties.ContentType);
        Assert.Null(properties.ContentEncoding);
        Assert.Null(properties.CorrelationId);
        Assert.Equal(1, properties.DeliveryMode);
        Assert.Equal(34, properties.Priority);
        Assert.Equal("60000", properties.Expiration);
        Assert.Equal("Jan 1, 1970, 12:33:41 AM", properties.Timestamp);
        Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", properties.UserId);
        Assert.Equal(80, properties.BodySize);
        Assert.Equal(10, properties.Headers!["numberInHeader"].GetInt32());
        var header1 = properties.Headers["header1"].GetProperty("bytes").EnumerateArray().Select(b => (byte)b.GetInt32()).ToArray();
        Assert.Equal("value1", Encoding.UTF8.GetString(header1));
        Assert.Equal(JsonValueKind.Object, properties.Headers["header2"].ValueKind);
    }

    public static void ActiveMqEvent(ActiveMqEvent active)
    {
        Assert.Equal("aws:mq", active.EventSource);
        var message = Assert.Single(active.Messages);
        Assert.Equal("ID:b-0f5b7522-2b41-4f85-a615-735a4e6d96b5-2.mq.us-west-2.amazonaws.com-34859-1598944546501-4:12:1:1:3", message.MessageId);
        Assert.Equal("jms/text-message", message.MessageType);
        Assert.Equal(1599863938941, message.Timestamp);
        Assert.Equal(1, message.DeliveryMode);
        Assert.Equal("testQueue", message.Destination.PhysicalName);
        Assert.Equal("Enter some text here for the message body...", Encoding.UTF8.GetString(message.Data!));
        Assert.Equal(1599863938943, message.BrokerInTime);
        Assert.Equal(1599863938944, message.BrokerOutTime);
        Assert.Equal("testValue", message.Properties!["testKey"]);
        Assert.Equal("null", message.ReplyTo);
    }
}
