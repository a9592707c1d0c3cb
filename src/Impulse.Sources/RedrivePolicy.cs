namespace Impulse.Sources;

/// <summary>
/// Where a queue sends messages that keep failing: after <see cref="MaxReceiveCount"/> receives, the next receive
/// that would deliver the message moves it to <see cref="DeadLetterQueue"/> instead, as SQS's redrive policy does.
/// </summary>
public sealed record RedrivePolicy
{
    /// <summary>A redrive policy; <paramref name="maxReceiveCount"/> must be at least 1.</summary>
    public RedrivePolicy(string deadLetterQueue, int maxReceiveCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deadLetterQueue);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReceiveCount, 1);
        DeadLetterQueue = deadLetterQueue;
        MaxReceiveCount = maxReceiveCount;
    }

    /// <summary>The name of the dead-letter queue, in the same source as the queue.</summary>
    public string DeadLetterQueue { get; }

    /// <summary>How many receives a message gets before it moves to the dead-letter queue.</summary>
    public int MaxReceiveCount { get; }
}
