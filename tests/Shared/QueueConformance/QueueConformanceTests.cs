namespace Impulse.Sources.QueueConformance;

/// <summary>The base of every conformance suite: how a test gets queues of the source under test.</summary>
public abstract class QueueConformanceTests
{
    /// <summary>Opens this test's own queues on the source under test.</summary>
    /// <param name="pollInterval">How often long polls look again without a wake-up; long by default, so a test that
    /// sees a prompt wake-up knows the source's own signal did it.</param>
    protected abstract IConformanceQueues CreateQueues(TimeSpan? pollInterval = null);

    /// <summary>How far a message's timestamps may run ahead of this process's clock (a server stamps them with its own).</summary>
    protected virtual TimeSpan ClockTolerance => TimeSpan.Zero;

    /// <summary>Whether counts may lag a delete for a moment (a broker applies acks asynchronously; SQS's counts are
    /// approximate), so a test waits for them to settle instead of reading them once.</summary>
    protected virtual bool StatisticsLagChanges => false;

    /// <summary>Asserts the queue's counts: at once, or once they settle where <see cref="StatisticsLagChanges"/>.</summary>
    protected async Task AssertStatisticsAfterChangeAsync(IQueueSource queue, QueueStatistics expected)
    {
        if (StatisticsLagChanges)
        {
            await queue.AssertStatisticsAsync(expected);
        }
        else
        {
            Assert.Equal(expected, await queue.GetStatisticsAsync());
        }
    }
}
