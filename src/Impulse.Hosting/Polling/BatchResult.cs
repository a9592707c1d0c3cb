using System.Text.Json;
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
        var failures = FailedIds(outcome.Result);
        if (failures is null || failures.Any(id => !batch.Any(m => m.MessageId == id)))
            return [];

        var succeeded = batch.Where(m => !failures.Contains(m.MessageId)).ToList();
        failed = batch.Count - succeeded.Count;
        return succeeded;
    }

    /// <summary>The failed message ids; null when the response is malformed, so the whole batch counts as failed.</summary>
    private static HashSet<string>? FailedIds(ReadOnlyMemory<byte> result)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (result.IsEmpty)
            return ids;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(result);
        }
        catch (JsonException)
        {
            return ids;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("batchItemFailures"u8, out var failures)
                || failures.ValueKind == JsonValueKind.Null)
                return ids;
            if (failures.ValueKind != JsonValueKind.Array)
                return null;
            foreach (var failure in failures.EnumerateArray())
            {
                if (failure.ValueKind != JsonValueKind.Object
                    || !failure.TryGetProperty("itemIdentifier"u8, out var id)
                    || id.ValueKind != JsonValueKind.String
                    || string.IsNullOrEmpty(id.GetString()))
                    return null;
                ids.Add(id.GetString()!);
            }
        }

        return ids;
    }
}
