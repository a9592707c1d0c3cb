namespace Impulse.Sources.Sqs.Tests;

/// <summary>The conversions the adapter makes on its own, checked without an endpoint.</summary>
public sealed class MappingTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(100, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    [InlineData(1500, 2)]
    [InlineData(20_000, 20)]
    public void Durations_become_whole_seconds_rounded_up(int milliseconds, int seconds)
        => Assert.Equal(seconds, SqsLimits.Seconds(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Redrive_policy_json_round_trips_and_accepts_the_count_as_a_number_or_a_string()
    {
        var json = SqsQueueResolver.RedrivePolicyJson("arn:aws:sqs:us-east-1:123456789012:orders-dlq", 5);

        Assert.Equal("""{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:123456789012:orders-dlq","maxReceiveCount":"5"}""", json);
        Assert.Equal(("arn:aws:sqs:us-east-1:123456789012:orders-dlq", 5), SqsQueueResolver.ParseRedrivePolicy(json));
        Assert.Equal(("arn:x:dlq", 3), SqsQueueResolver.ParseRedrivePolicy("""{"deadLetterTargetArn":"arn:x:dlq","maxReceiveCount":3}"""));
        Assert.Equal((null, 0), SqsQueueResolver.ParseRedrivePolicy("not json"));
    }

    [Fact]
    public void Received_message_keeps_system_attributes_beyond_the_typed_ones_as_extra()
    {
        var message = new Amazon.SQS.Model.Message
        {
            MessageId = "id",
            ReceiptHandle = "handle",
            Body = "ü",
            Attributes = new()
            {
                ["ApproximateReceiveCount"] = "3",
                ["SentTimestamp"] = "1700000000000",
                ["ApproximateFirstReceiveTimestamp"] = "1700000001000",
                ["DeadLetterQueueSourceArn"] = "arn:aws:sqs:us-east-1:123456789012:orders",
                ["AWSTraceHeader"] = "Root=1-abc",
            },
        };

        var received = SqsMessageMapper.Received(message, DateTimeOffset.UnixEpoch);

        Assert.Equal(3, received.ReceiveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000), received.SentTimestamp);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_001_000), received.FirstReceiveTimestamp);
        Assert.Equal("ü", received.GetBodyText());
        Assert.Equal(2, received.ExtraAttributes!.Count);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", received.Attributes[SystemAttributeNames.DeadLetterQueueSourceArn]);
        Assert.Empty(received.MessageAttributes);
    }

    [Fact]
    public void Body_text_accepts_what_sqs_accepts()
    {
        Assert.Equal("tab\tline\ncr\r😀\uE000", SqsMessageMapper.BodyText(System.Text.Encoding.UTF8.GetBytes("tab\tline\ncr\r😀\uE000"), "body"));
        Assert.Throws<ArgumentException>(() => SqsMessageMapper.BodyText(System.Text.Encoding.UTF8.GetBytes("\uFFFF"), "body"));
        Assert.Throws<ArgumentException>(() => SqsMessageMapper.BodyText(new byte[] { 0xC3 }, "body"));
    }
}
