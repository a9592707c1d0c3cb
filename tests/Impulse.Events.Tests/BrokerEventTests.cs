using System.Text;
using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the broker events (Kafka, RabbitMQ, ActiveMQ) by reading AWS's own samples
// with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class BrokerEventTests
{
    [Fact]
    public void KafkaSample_Reads_RecordsByTopicPartitionWithDecodedKeyAndValue()
    {
        var kafka = Samples.Read<KafkaEvent>("kafka-event.json");

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

    [Fact]
    public void RabbitMqSample_Reads_MessagesByQueueWithNullProperties()
    {
        var rabbit = Samples.Read<RabbitMqEvent>("rabbitmq-event.json");

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

    [Fact]
    public void ActiveMqSample_Reads_MessageWithDecodedData()
    {
        var active = Samples.Read<ActiveMqEvent>("activemq-event.json");

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
