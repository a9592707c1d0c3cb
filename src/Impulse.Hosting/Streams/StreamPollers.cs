using Impulse.Hosting.Execution;
using Impulse.Hosting.Polling;

namespace Impulse.Hosting.Streams;

/// <summary>The shard pollers of every stream pull trigger of the app: started with the host, stopped before its streams close.</summary>
internal sealed class StreamPollers(IEnumerable<HostedFunction> functions, StreamDirectory streams, QueueDirectory queues, FunctionExecutor executor, StreamPollerSettings settings, FunctionLogger log, TimeProvider time)
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<ShardPoller> _pollers = [];
    private readonly List<Task> _running = [];

    public IReadOnlyList<ShardPoller> Pollers => _pollers;

    /// <summary>Opens each trigger's stream and starts one poller per shard; a stream that cannot open fails the start.</summary>
    /// <exception cref="InvalidOperationException">A stream cannot be opened.</exception>
    public async Task StartAsync()
    {
        foreach (var function in functions)
        {
            foreach (var trigger in function.Spec.StreamTriggers)
            {
                var stream = streams.Get(trigger.Stream);
                foreach (var shard in await stream.GetShardsAsync().ConfigureAwait(false))
                    _pollers.Add(new ShardPoller(function, trigger, stream, shard, queues.Get, executor, settings, log, time, _stopping.Token));
            }
        }

        foreach (var poller in _pollers)
            await poller.InitializeAsync().ConfigureAwait(false);
        foreach (var poller in _pollers)
            _running.Add(Task.Run(poller.RunAsync));
    }

    /// <summary>Stops reading and lets the batches in flight finish and checkpoint (each bounded by its function's timeout).</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_running).ConfigureAwait(false);
        _stopping.Dispose();
    }
}
