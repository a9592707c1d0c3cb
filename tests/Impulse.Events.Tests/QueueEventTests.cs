using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the queue and stream events by reading AWS's own samples with
// reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class QueueEventTests
{
    [Fact]
    public void SqsSample_Reads_MessageAttributesAndSystemAttributes() =>
        SampleExpectations.SqsEvent(Samples.Read<SqsEvent>("sqs-event.json"));

    [Fact]
    public void SnsSample_Reads_MessageAndAttributes() =>
        SampleExpectations.SnsEvent(Samples.Read<SnsEvent>("sns-event.json"));

    [Fact]
    public void KinesisSample_Reads_DataAsDecodedBytes() =>
        SampleExpectations.KinesisEvent(Samples.Read<KinesisEvent>("kinesis-event.json"));

    [Fact]
    public void DynamoDbSample_Reads_EveryAttributeValueType() =>
        SampleExpectations.DynamoDbEvent(Samples.Read<DynamoDbEvent>("dynamodb-event.json"));

    [Fact]
    public void SqsResponseSample_Reads_ItemIdentifiers() =>
        SampleExpectations.SqsResponse(Samples.Read<BatchItemFailuresResponse>("sqs-response.json"));

    [Fact]
    public void KinesisResponseSample_Reads_SequenceNumber() =>
        SampleExpectations.KinesisResponse(Samples.Read<BatchItemFailuresResponse>("kinesis-batchitemfailures-response.json"));

    [Fact]
    public void BatchItemFailuresResponse_Empty_WritesEmptyList()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new BatchItemFailuresResponse(), Samples.Strict);

        Assert.Equal("""{"batchItemFailures":[]}""", json);
    }
}
