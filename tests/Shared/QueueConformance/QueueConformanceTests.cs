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
}
