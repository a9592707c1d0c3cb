namespace Impulse.Sources.QueueConformance;

/// <summary>
/// One test's queues on the source under test: everything it opens is its own (a fresh database, key prefix or
/// queue names), and all of it is removed when disposed.
/// </summary>
public interface IConformanceQueues : IAsyncDisposable
{
    /// <summary>A source for the named queue of this test.</summary>
    IQueueSource Queue(string name = "orders", RedrivePolicy? redrive = null);

    /// <summary>A source for the named queue over a connection of its own, as another process would have.</summary>
    IQueueSource QueueOnAnotherConnection(string name = "orders");
}
