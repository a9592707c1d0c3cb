using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the push events (S3, EventBridge, schedules, SES, CloudWatch Logs) by reading
// AWS's own samples with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class NotificationEventTests
{
    [Fact]
    public void S3Sample_Reads_BucketObjectAndRequestIds()
    {
        var record = Assert.Single(Samples.Read<S3Event>("s3-event.json").Records);

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

    [Fact]
    public void EventBridgeS3Sample_Reads_TypedDetail()
    {
        var value = Samples.Read<EventBridgeEvent<S3EventBridgeDetail>>("cloudwatchevents-s3objectcreated.json");

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

    [Fact]
    public void ScheduledSample_Reads_EnvelopeAndEmptyDetail()
    {
        var tick = Samples.Read<ScheduledEvent>("scheduled-event.json");

        Assert.Equal("Scheduled Event", tick.DetailType);
        Assert.Equal("aws.events", tick.Source);
        Assert.Equal("123456789012", tick.Account);
        Assert.Equal("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c", tick.Id);
        Assert.Equal(DateTimeOffset.UnixEpoch, tick.Time);
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/my-schedule"], tick.Resources);
        Assert.Equal(JsonValueKind.Object, tick.Detail.ValueKind);
        Assert.Empty(tick.Detail.EnumerateObject());
    }

    [Fact]
    public void ScheduledEvent_BuiltInCode_WritesAnEmptyDetail()
    {
        var json = JsonSerializer.Serialize(new ScheduledEvent { Id = "tick-1" }, Samples.Strict);

        Assert.Contains("\"detail\":{}", json);
    }

    [Fact]
    public void SesSample_Reads_MailHeadersAndVerdicts()
    {
        var ses = Assert.Single(Samples.Read<SesEvent>("ses-lambda-event.json").Records).Ses;

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

    [Fact]
    public void CloudWatchLogsSample_Decode_GivesLogGroupAndEvents()
    {
        var data = Samples.Read<CloudWatchLogsEvent>("cloudwatch-logs-event.json").Decode();

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
}
