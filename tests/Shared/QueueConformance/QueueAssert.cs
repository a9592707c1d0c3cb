namespace Impulse.Sources.QueueConformance;

/// <summary>Short helpers that keep the queue tests about behaviour rather than plumbing.</summary>
internal static class QueueAssert
{
    public static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    /// <summary>Receives once without waiting, hiding what it gets for a minute.</summary>
    public static ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveNow(this IQueueSource queue, int max = 10)
        => queue.ReceiveAsync(max, Long, TimeSpan.Zero);

    /// <summary>Receives, waiting up to ten seconds for a message to be visible.</summary>
    public static ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveWithin(this IQueueSource queue, TimeSpan visibility, int max = 10)
        => queue.ReceiveAsync(max, visibility, TimeSpan.FromSeconds(10));

    public static string[] Bodies(this IEnumerable<ReceivedMessage> messages) => [.. messages.Select(m => m.GetBodyText())];

    public static string[] Handles(this IEnumerable<ReceivedMessage> messages) => [.. messages.Select(m => m.ReceiptHandle)];

    /// <summary>
    /// Statistics once they settle, for a source whose counts lag a change for a moment (a broker that applies acks
    /// asynchronously, or SQS's approximate counts).
    /// </summary>
    public static async Task AssertStatisticsAsync(this IQueueSource queue, QueueStatistics expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        QueueStatistics actual;
        while ((actual = await queue.GetStatisticsAsync()) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(expected, actual);
    }
}
