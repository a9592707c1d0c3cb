namespace Impulse.Sources;

/// <summary>Approximate counts of a queue's messages, named as SQS's <c>GetQueueAttributes</c> names them.</summary>
/// <param name="ApproximateNumberOfMessages">Messages visible now, ready to receive.</param>
/// <param name="ApproximateNumberOfMessagesNotVisible">Messages received and hidden by their visibility timeout (in flight).</param>
/// <param name="ApproximateNumberOfMessagesDelayed">Messages sent with a delay that has not yet ended.</param>
public readonly record struct QueueStatistics(
    long ApproximateNumberOfMessages,
    long ApproximateNumberOfMessagesNotVisible,
    long ApproximateNumberOfMessagesDelayed);
