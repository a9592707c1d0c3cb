using Impulse.Events.Tests.Functions;
using Impulse.Events.Tests.Infrastructure;
using Names = Impulse.Events.Tests.Functions.EventFunctions.Names;

namespace Impulse.Events.Tests;

/// <summary>
/// The strings that repeat from record to record of a batch (event source, its ARN, Region): the generated reader
/// reuses the previous record's string when the bytes are the same, and reads anything else anew.
/// </summary>
public sealed class RepeatedTextTests : IDisposable
{
    private const string QueueA = "arn:aws:sqs:us-east-2:123456789012:orders";
    private const string QueueB = "arn:aws:sqs:us-east-2:123456789012:refunds";

    private readonly Invocations _invocations = new();

    [Fact]
    public void SqsBatch_WithEqualSourceValues_SharesOneStringPerValue()
    {
        var records = Read(Message(QueueA, "us-east-2"), Message(QueueA, "us-east-2"), Message(QueueA, "us-east-2"));

        Assert.All(records, r => Assert.Equal(QueueA, r.EventSourceArn));
        Assert.Same(records[0].EventSourceArn, records[1].EventSourceArn);
        Assert.Same(records[0].EventSourceArn, records[2].EventSourceArn);
        Assert.Same(records[0].AwsRegion, records[2].AwsRegion);
        Assert.Same(records[0].EventSource, records[2].EventSource);
        Assert.Equal("aws:sqs", records[2].EventSource);
    }

    [Fact]
    public void SqsBatch_WithDifferentSourceArns_ReadsEachRecordsOwn()
    {
        var records = Read(Message(QueueA, "us-east-2"), Message(QueueB, "us-east-2"), Message(QueueA, "eu-west-1"), Message(QueueB[..^1], "eu-west-1"));

        Assert.Equal([QueueA, QueueB, QueueA, QueueB[..^1]], records.Select(r => r.EventSourceArn));
        Assert.Equal(["us-east-2", "us-east-2", "eu-west-1", "eu-west-1"], records.Select(r => r.AwsRegion));
    }

    [Fact]
    public void SqsBatch_WithAnEscapedOrNonAsciiRepeat_ReadsItsText()
    {
        var records = Read(
            Message(QueueA, "us-east-2"),
            Message(QueueA.Replace("orders", "\\u006frders"), "us-east-2"),
            Message(QueueA.Replace("orders", "ördërs"), "us-east-2"),
            Message(QueueA.Replace("orders", "ördërs"), "us-east-2"));

        Assert.Equal([QueueA, QueueA, QueueA.Replace("orders", "ördërs"), QueueA.Replace("orders", "ördërs")], records.Select(r => r.EventSourceArn));
    }

    [Fact]
    public void SqsBatch_WithNullOrMissingSource_KeepsTheRulesOfAnyString()
    {
        var missing = Read(Message(QueueA, "us-east-2"), """{"messageId":"m"}""");
        Assert.Equal("", missing[1].EventSourceArn);

        var outcome = _invocations.Invoke(Names.Sqs, $$"""{"Records":[{{Message(QueueA, "us-east-2")}},{"eventSourceARN":null}]}""");
        Assert.Contains("(at $.Records[1].eventSourceARN", outcome.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, outcome.HandlerCalls);
    }

    [Fact]
    public void SeparateReads_DoNotShareStrings()
    {
        var first = Read(Message(QueueA, "us-east-2"));
        var second = Read(Message(QueueA, "us-east-2"));

        Assert.Equal(first[0].EventSourceArn, second[0].EventSourceArn);
        Assert.NotSame(first[0].EventSourceArn, second[0].EventSourceArn);
    }

    [Fact]
    public void KinesisBatch_WithEqualStreamArns_SharesOneString()
    {
        const string stream = "arn:aws:kinesis:us-east-2:123456789012:stream/orders";
        var record = $$"""{"eventSource":"aws:kinesis","awsRegion":"us-east-2","eventSourceARN":"{{stream}}"}""";

        var outcome = _invocations.Invoke(Names.Kinesis, $$"""{"Records":[{{record}},{{record}}]}""");

        Assert.True(outcome.Succeeded, outcome.ToString());
        var records = Received.Single<KinesisEvent>().Records;
        Assert.Equal(stream, records[1].EventSourceArn);
        Assert.Same(records[0].EventSourceArn, records[1].EventSourceArn);
    }

    public void Dispose() => _invocations.Dispose();

    private static string Message(string arn, string region) =>
        $$"""{"messageId":"m","body":"b","eventSource":"aws:sqs","eventSourceARN":"{{arn}}","awsRegion":"{{region}}"}""";

    private IReadOnlyList<SqsMessage> Read(params string[] messages)
    {
        var outcome = _invocations.Invoke(Names.Sqs, $$"""{"Records":[{{string.Join(",", messages)}}]}""");
        Assert.True(outcome.Succeeded, outcome.ToString());
        return Received.Single<SqsEvent>().Records;
    }
}
