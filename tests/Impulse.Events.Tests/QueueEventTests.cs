using System.Text;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the queue and stream events by reading AWS's own samples with
// reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class QueueEventTests
{
    [Fact]
    public void SqsSample_Reads_MessageAttributesAndSystemAttributes()
    {
        var message = Assert.Single(Samples.Read<SqsEvent>("sqs-event.json").Records);

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

    [Fact]
    public void SnsSample_Reads_MessageAndAttributes()
    {
        var record = Assert.Single(Samples.Read<SnsEvent>("sns-event.json").Records);

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

    [Fact]
    public void KinesisSample_Reads_DataAsDecodedBytes()
    {
        var records = Samples.Read<KinesisEvent>("kinesis-event.json").Records;

        Assert.Equal(2, records.Count);
        Assert.Equal("Hello World", Encoding.UTF8.GetString(records[0].Kinesis.Data));
        Assert.Equal("s1", records[0].Kinesis.PartitionKey);
        Assert.Equal("49568167373333333333333333333333333333333333333333333333", records[0].Kinesis.SequenceNumber);
        Assert.Equal(1480641523.477, records[0].Kinesis.ApproximateArrivalTimestamp);
        Assert.Equal("shardId-000000000000:49568167373333333334444444444444444444444444444444444444", records[1].EventId);
        Assert.Equal("arn:aws:iam::123456789012:role/LambdaRole", records[1].InvokeIdentityArn);
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream", records[1].EventSourceArn);
    }

    [Fact]
    public void DynamoDbSample_Reads_EveryAttributeValueType()
    {
        var records = Samples.Read<DynamoDbEvent>("dynamodb-event.json").Records;

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

    [Fact]
    public void SqsResponseSample_Reads_ItemIdentifiers()
    {
        var response = Samples.Read<BatchItemFailuresResponse>("sqs-response.json");

        Assert.Equal(["MessageID_1", "MessageID_2"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    [Fact]
    public void KinesisResponseSample_Reads_SequenceNumber()
    {
        var failure = Assert.Single(Samples.Read<BatchItemFailuresResponse>("kinesis-batchitemfailures-response.json").BatchItemFailures);

        Assert.Equal("1405400000000002063282832", failure.ItemIdentifier);
    }

    [Fact]
    public void BatchItemFailuresResponse_Empty_WritesEmptyList()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new BatchItemFailuresResponse(), Samples.Strict);

        Assert.Equal("""{"batchItemFailures":[]}""", json);
    }
}
