namespace Impulse.Sources;

/// <summary>The names SQS gives its system attributes, which <see cref="ReceivedMessage.Attributes"/> uses.</summary>
public static class SystemAttributeNames
{
    /// <summary>How many times the message has been received.</summary>
    public const string ApproximateReceiveCount = "ApproximateReceiveCount";

    /// <summary>When the message was stored, in Unix milliseconds.</summary>
    public const string SentTimestamp = "SentTimestamp";

    /// <summary>When the message was first received, in Unix milliseconds.</summary>
    public const string ApproximateFirstReceiveTimestamp = "ApproximateFirstReceiveTimestamp";

    /// <summary>On a message in a dead-letter queue: the queue it was moved from.</summary>
    public const string DeadLetterQueueSourceArn = "DeadLetterQueueSourceArn";
}
