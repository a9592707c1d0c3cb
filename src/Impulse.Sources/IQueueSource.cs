namespace Impulse.Sources;

/// <summary>
/// One named queue with Amazon SQS standard-queue semantics: at-least-once delivery, a visibility timeout per
/// receive, receipt handles that name one receive, and redrive to a dead-letter queue after too many receives.
/// </summary>
/// <remarks>
/// The local host's pollers program against this interface only, so every broker adapter must keep these rules:
/// <list type="bullet">
/// <item>A received message stays invisible to other receivers until its visibility timeout ends, it is deleted,
/// or its visibility is changed; then it is delivered again with <see cref="ReceivedMessage.ReceiveCount"/> one higher.</item>
/// <item>Each receive issues a new receipt handle. Deleting or changing visibility with an older handle of a message
/// that has since been received again must not touch the newer delivery.</item>
/// <item>With a <see cref="RedrivePolicy"/>, a message already received <see cref="RedrivePolicy.MaxReceiveCount"/>
/// times moves to the dead-letter queue at the receive that would deliver it once more, and never blocks the
/// messages behind it.</item>
/// <item>Implementations are safe to call from many threads at once.</item>
/// </list>
/// </remarks>
public interface IQueueSource : IAsyncDisposable
{
    /// <summary>The queue's name, as pull triggers and configuration name it.</summary>
    string Name { get; }

    /// <summary>Sends one message and returns its id once the source has stored it durably.</summary>
    /// <param name="body">The message body; SQS-compatible payloads are UTF-8 text.</param>
    /// <param name="attributes">Custom message attributes, or null for none.</param>
    /// <param name="delay">How long the message stays invisible after it is stored; null or zero for none.</param>
    /// <param name="cancel">Cancels the send before it is stored; once stored, the send completes.</param>
    ValueTask<string> SendAsync(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default);

    /// <summary>Sends several messages in one round trip and returns their ids in the order given.</summary>
    /// <remarks>The batch is stored as a whole or not at all where the broker allows it; where it does not,
    /// the adapter documents what a partial failure leaves behind.</remarks>
    ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default);

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> visible messages and hides them for
    /// <paramref name="visibilityTimeout"/>. Long-polls: when none are visible, waits up to
    /// <paramref name="waitTime"/> and returns as soon as at least one is; returns an empty list when the wait ends.
    /// </summary>
    /// <param name="maxMessages">The most messages to return, at least 1. SQS caps this at 10; other sources may return fewer than asked.</param>
    /// <param name="visibilityTimeout">How long the returned messages stay hidden from other receivers.</param>
    /// <param name="waitTime">The longest wait for a message; zero makes one attempt (a short poll).</param>
    /// <param name="cancel">Ends the wait with <see cref="OperationCanceledException"/>. Messages already taken
    /// from the broker are returned rather than dropped.</param>
    ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        TimeSpan waitTime,
        CancellationToken cancel = default);

    /// <summary>Deletes the received messages that these receipt handles name, in one round trip.</summary>
    /// <returns>How many messages were deleted. Handles that are stale, unknown or already used are skipped, not errors;
    /// a broker that cannot tell (SQS accepts stale handles silently) counts every handle it accepted.</returns>
    ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default);

    /// <summary>
    /// Sets how long the received message stays hidden, counted from now: zero makes it visible again at once
    /// (a failed record returned for retry), a longer timeout extends the time to process it.
    /// </summary>
    /// <returns>False when the handle is stale or unknown, or the message is gone.</returns>
    ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default);

    /// <summary>Approximate message counts, as SQS's <c>GetQueueAttributes</c> reports them.</summary>
    ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default);
}
