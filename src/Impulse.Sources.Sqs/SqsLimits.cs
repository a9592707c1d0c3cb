namespace Impulse.Sources.Sqs;

/// <summary>SQS's API limits, and how the contract's <see cref="TimeSpan"/>s become its whole seconds.</summary>
internal static class SqsLimits
{
    /// <summary>Entries in one SendMessageBatch, DeleteMessageBatch or ChangeMessageVisibilityBatch; messages in one receive.</summary>
    public const int BatchEntries = 10;

    /// <summary>
    /// Payload of one SendMessageBatch. SQS raised its limit to 1 MiB in 2025; 256 KiB, the limit before, keeps
    /// batches valid on older SQS-compatible endpoints too, at the cost of a few more requests for large messages.
    /// </summary>
    public const int BatchBytes = 256 * 1024;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(12);
    public static readonly TimeSpan MaxWaitPerCall = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Whole seconds, rounded up: SQS counts delays, visibility timeouts and waits in seconds, and rounding up never
    /// makes a message visible sooner or a wait shorter than the caller asked for.
    /// </summary>
    public static int Seconds(TimeSpan value) => (int)Math.Ceiling(value.TotalSeconds - 1e-9);
}
