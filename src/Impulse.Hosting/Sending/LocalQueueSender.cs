using Impulse.Hosting.Polling;
using Impulse.Sources;

namespace Impulse.Hosting.Sending;

/// <summary>
/// The local host's <see cref="IQueueSender"/>: sends to the same queue sources the pollers read, so a message a
/// function sends reaches the function whose pull trigger names that queue.
/// </summary>
internal sealed class LocalQueueSender(QueueDirectory queues) : IQueueSender
{
    public ValueTask<string> SendAsync(string queue, string body, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(body);
        return queues.Get(queue).SendAsync(body, cancel: cancel);
    }
}
