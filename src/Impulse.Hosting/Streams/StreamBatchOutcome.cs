using Impulse.Hosting.Execution;
using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>How one invocation with a stream batch ended, read as Lambda reads a stream function's response.</summary>
/// <param name="FailedAt">The index of the first record to retry, or null when the whole batch succeeded.</param>
/// <param name="FunctionError">Whether the function itself failed (an error or a timeout), which is what bisection splits on.</param>
/// <param name="WholeBatch">Whether the failure names no record, so giving up covers the whole batch rather than the
/// record at <paramref name="FailedAt"/>: a function error, or a response that names no record of the batch.</param>
/// <param name="Reason">Why the batch failed, for the log and the on-failure record.</param>
internal sealed record StreamBatchOutcome(int? FailedAt, bool FunctionError, bool WholeBatch, string? Reason)
{
    public static readonly StreamBatchOutcome Success = new(null, false, false, null);

    public bool Succeeded => FailedAt is null;

    /// <summary>
    /// A function error or timeout fails the whole batch. <c>batchItemFailures</c> names sequence numbers: the lowest
    /// one becomes the checkpoint to retry from, so the records before it count as done. An empty or missing list is
    /// success; a list naming no record of the batch, or malformed, fails the whole batch, as Lambda treats it.
    /// </summary>
    public static StreamBatchOutcome Of(IReadOnlyList<StreamRecord> batch, ExecutedInvocation outcome)
    {
        if (!outcome.Succeeded)
            return new StreamBatchOutcome(0, true, true, outcome.Error is { } error ? $"{error.Type}: {error.Message}" : outcome.Status.ToString());
        var failed = BatchItemFailureReport.ReadIdentifiers(outcome.Result);
        if (failed is null)
            return new StreamBatchOutcome(0, false, true, "The function's batchItemFailures response is malformed.");
        if (failed.Count == 0)
            return Success;

        var first = -1;
        for (var i = 0; i < batch.Count && first < 0; i++)
        {
            if (failed.Contains(batch[i].SequenceNumber))
                first = i;
        }

        return first < 0
            ? new StreamBatchOutcome(0, false, true, $"batchItemFailures names '{failed.First()}', which is no record of the batch.")
            : new StreamBatchOutcome(first, false, false, $"The function reported record {batch[first].SequenceNumber} as failed.");
    }
}
