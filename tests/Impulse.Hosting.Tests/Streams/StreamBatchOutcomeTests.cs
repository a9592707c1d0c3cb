using System.Text;
using Impulse.Hosting.Execution;
using Impulse.Hosting.Streams;
using Impulse.Runtime;
using Impulse.Sources;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>How a stream function's response decides the checkpoint, as Lambda reads it.</summary>
public sealed class StreamBatchOutcomeTests
{
    private static readonly StreamRecord[] Batch =
    [
        .. Enumerable.Range(1, 4).Select(i => new StreamRecord("shardId-000000000000", $"{i:D20}", "k", new byte[] { 1 }, DateTimeOffset.UnixEpoch)),
    ];

    private static ExecutedInvocation Returned(string result) => new(InvocationStatus.Succeeded, null, Encoding.UTF8.GetBytes(result), []);

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("""{"batchItemFailures":[]}""")]
    [InlineData("""{"batchItemFailures":null}""")]
    public void Result_WithoutFailures_IsSuccess(string result)
    {
        Assert.True(StreamBatchOutcome.Of(Batch, Returned(result)).Succeeded);
    }

    [Fact]
    public void SeveralFailures_TheLowestSequenceNumberIsTheCheckpoint()
    {
        var outcome = StreamBatchOutcome.Of(Batch, Returned($$"""{"batchItemFailures":[{"itemIdentifier":"{{Batch[3].SequenceNumber}}"},{"itemIdentifier":"{{Batch[1].SequenceNumber}}"}]}"""));

        Assert.Equal(1, outcome.FailedAt);
        Assert.False(outcome.FunctionError);
        Assert.False(outcome.WholeBatch);
    }

    [Theory]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"00000000000000000099"}]}""", "no record of the batch")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""", "malformed")]
    [InlineData("""{"batchItemFailures":{"itemIdentifier":"1"}}""", "malformed")]
    public void FailureNamingNoRecord_FailsTheWholeBatchWithoutBisection(string result, string reason)
    {
        var outcome = StreamBatchOutcome.Of(Batch, Returned(result));

        Assert.Equal(0, outcome.FailedAt);
        Assert.True(outcome.WholeBatch);
        Assert.False(outcome.FunctionError);
        Assert.Contains(reason, outcome.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionError_FailsTheWholeBatchAndAllowsBisection()
    {
        var outcome = StreamBatchOutcome.Of(Batch, new ExecutedInvocation(InvocationStatus.Failed, new FunctionError("System.InvalidOperationException", "boom", []), default, []));

        Assert.Equal(0, outcome.FailedAt);
        Assert.True(outcome.FunctionError);
        Assert.True(outcome.WholeBatch);
        Assert.Equal("System.InvalidOperationException: boom", outcome.Reason);
    }
}
