using Impulse.Hosting.Execution;

namespace Impulse.Hosting.Polling;

/// <summary>The pollers of every queue pull trigger of the app: started with the host, stopped before its queues close.</summary>
internal sealed class QueuePollers
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<QueuePoller> _pollers = [];
    private readonly List<Task> _running = [];

    public QueuePollers(IEnumerable<HostedFunction> functions, QueueDirectory queues, FunctionExecutor executor, PollerSettings settings, FunctionLogger log, TimeProvider time)
    {
        foreach (var function in functions)
        {
            foreach (var trigger in function.Spec.QueueTriggers)
                _pollers.Add(new QueuePoller(function, trigger, () => queues.Get(trigger.Queue), executor, settings, log, time, _stopping.Token));
        }
    }

    public IReadOnlyList<QueuePoller> Pollers => _pollers;

    public void Start()
    {
        foreach (var poller in _pollers)
            _running.Add(Task.Run(poller.RunAsync));
    }

    /// <summary>
    /// Stops receiving, lets the batches in flight finish (each bounded by its function's timeout) and makes every
    /// message received but not handled visible again.
    /// </summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
