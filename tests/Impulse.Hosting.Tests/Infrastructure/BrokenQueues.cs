using Impulse.Sources;

namespace Impulse.Hosting.Tests.Infrastructure;

/// <summary>A queue provider whose queues fail every call, as a broker that is down would.</summary>
internal sealed class BrokenQueues : IQueueSourceFactory
{
    public string Provider => "broken";

    public IQueueSource Create(QueueDefinition definition) => new BrokenQueue(definition.Name);

    private sealed class BrokenQueue(string name) : IQueueSource
    {
        public string Name => name;

        public ValueTask<string> SendAsync(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null, TimeSpan? delay = null, CancellationToken cancel = default) =>
            throw new IOException("the queue broker is unreachable");

        public ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default) =>
            throw new IOException("the queue broker is unreachable");

        public async ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan waitTime, CancellationToken cancel = default)
        {
            // A broker that is down takes a while to say so; the poller must neither spin nor die.
            await Task.Delay(50, cancel);
            throw new IOException("the queue broker is unreachable");
        }

        public ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default) => throw new IOException("the queue broker is unreachable");
        public ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default) => throw new IOException("the queue broker is unreachable");
        public ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default) => throw new IOException("the queue broker is unreachable");
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
