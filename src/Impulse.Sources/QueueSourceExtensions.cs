using System.Text;

namespace Impulse.Sources;

/// <summary>Conveniences over <see cref="IQueueSource"/> that every source gets for free.</summary>
public static class QueueSourceExtensions
{
    /// <summary>Sends a text message, encoded as UTF-8, and returns its id once stored.</summary>
    public static ValueTask<string> SendAsync(
        this IQueueSource source,
        string body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        return source.SendAsync(Encoding.UTF8.GetBytes(body), attributes, delay, cancel);
    }

    /// <summary>Deletes one received message; false when its receipt handle is stale or unknown.</summary>
    public static async ValueTask<bool> DeleteAsync(this IQueueSource source, string receiptHandle, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(receiptHandle);
        return await source.DeleteAsync([receiptHandle], cancel).ConfigureAwait(false) == 1;
    }
}
