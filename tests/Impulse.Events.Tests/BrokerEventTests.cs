using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the broker events (Kafka, RabbitMQ, ActiveMQ) by reading AWS's own samples
// with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class BrokerEventTests
{
    [Fact]
    public void KafkaSample_Reads_RecordsByTopicPartitionWithDecodedKeyAndValue() =>
        SampleExpectations.KafkaEvent(Samples.Read<KafkaEvent>("kafka-event.json"));

    [Fact]
    public void RabbitMqSample_Reads_MessagesByQueueWithNullProperties() =>
        SampleExpectations.RabbitMqEvent(Samples.Read<RabbitMqEvent>("rabbitmq-event.json"));

    [Fact]
    public void ActiveMqSample_Reads_MessageWithDecodedData() =>
        SampleExpectations.ActiveMqEvent(Samples.Read<ActiveMqEvent>("activemq-event.json"));
}
