using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the push events (S3, EventBridge, schedules, SES, CloudWatch Logs) by reading
// AWS's own samples with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class NotificationEventTests
{
    [Fact]
    public void S3Sample_Reads_BucketObjectAndRequestIds() =>
        SampleExpectations.S3Event(Samples.Read<S3Event>("s3-event.json"));

    [Fact]
    public void EventBridgeS3Sample_Reads_TypedDetail() =>
        SampleExpectations.EventBridgeS3Event(Samples.Read<EventBridgeEvent<S3EventBridgeDetail>>("cloudwatchevents-s3objectcreated.json"));

    [Fact]
    public void ScheduledSample_Reads_EnvelopeAndEmptyDetail() =>
        SampleExpectations.ScheduledEvent(Samples.Read<ScheduledEvent>("scheduled-event.json"));

    [Fact]
    public void ScheduledEvent_BuiltInCode_WritesAnEmptyDetail()
    {
        var json = JsonSerializer.Serialize(new ScheduledEvent { Id = "tick-1" }, Samples.Strict);

        Assert.Contains("\"detail\":{}", json);
    }

    [Fact]
    public void SesSample_Reads_MailHeadersAndVerdicts() =>
        SampleExpectations.SesEvent(Samples.Read<SesEvent>("ses-lambda-event.json"));

    [Fact]
    public void CloudWatchLogsSample_Decode_GivesLogGroupAndEvents() =>
        SampleExpectations.CloudWatchLogsEvent(Samples.Read<CloudWatchLogsEvent>("cloudwatch-logs-event.json"));
}
