using System.Text.Json;

namespace Impulse.Hosting.Execution;

/// <summary>
/// Reads a pull-trigger invocation's partial batch failure response, <c>{"batchItemFailures":[{"itemIdentifier":…}]}</c>,
/// the one shape queues (message ids) and streams (sequence numbers) share.
/// </summary>
internal static class BatchItemFailureReport
{
    /// <summary>
    /// The reported item identifiers: empty when the result is no failure report (a plain success), null when it is a
    /// malformed one, which Lambda treats as the whole batch failing.
    /// </summary>
    public static HashSet<string>? ReadIdentifiers(ReadOnlyMemory<byte> result)
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
