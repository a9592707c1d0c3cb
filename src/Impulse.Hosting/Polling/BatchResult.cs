using Impulse.Hosting.Execution;
using Impulse.Sources;

namespace Impulse.Hosting.Polling;

/// <summary>Which messages of a batch succeeded, read from an invocation's outcome as Lambda reads it.</summary>
internal static class BatchResult
{
    /// <summary>
    /// The messages to delete. A function error or timeout fails the whole batch. A result without
    /// <c>batchItemFailures</c> (or with an empty list) means every message succeeded; a failure naming no message of
    /// the batch fails the whole batch, as Lambda treats a malformed response.
    /// </summary>
    public static IReadOnlyList<ReceivedMessage> Succeeded(IReadOnlyList<ReceivedMessage> batch, ExecutedInvocation outcome, out int failed)
    {
        failed = batch.Count;
        if (!outcome.Succeeded)
            return [];
        var failures = BatchItemFailureReport.ReadIdentifiers(outcome.Result);
        if (failures is null || failures.Any(id => !batch.Any(m => m.MessageId == id)))
            return [];

        var succeeded = batch.Where(m => !failures.Contains(m.MessageId)).ToList();
        failed = batch.Count - succeeded.Count;
        return succeeded;
    }
}
