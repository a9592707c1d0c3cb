using Impulse.Hosting.Execution;
using Impulse.Sources;

namespace Impulse.Hosting.Async;

/// <summary>
/// Asynchronous (<c>Event</c>) invocations, as Lambda runs them: the event is stored durably in the function's queue
/// before the caller gets its 202; a poller per function invokes it when a concurrency slot is free; a failed
/// invocation is retried after each of the configured delays, then sent to the function's dead-letter queue.
/// </summary>
/// <remarks>
/// Retries ride on the queue's own rules rather than on timers in this process: a failed message is made visible
/// again after the retry delay, and its receive count says which attempt comes next. A host that stops or crashes
/// mid-retry therefore resumes where it was on the next start.
/// </remarks>
internal sealed class AsyncInvocations
{
    public const string QueuePrefix = "__async__";
    public const string DeadLetterPrefix = "__async-dlq__";
    public const string RequestIdAttribute = "RequestID";
    public const string ClientContextAttribute = "ClientContext";
    public const string ErrorCodeAttribute = "ErrorCode";
    public const string ErrorMessageAttribute = "ErrorMessage";

    private readonly Dictionary<string, FunctionQueue> _queues = new(StringComparer.Ordinal);
    private readonly FunctionExecutor _executor;
    private readonly AsyncSettings _settings;
    private readonly FunctionLogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pollers = [];

    public AsyncInvocations(IEnumerable<HostedFunction> functions, IQueueSourceFactory factory, FunctionExecutor executor, AsyncSettings settings, FunctionLogger log)
    {
        _executor = executor;
        _settings = settings;
        _log = log;
        foreach (var function in functions)
        {
            var queue = factory.Create(Definition(QueuePrefix + function.Name));
            var deadLetter = factory.Create(Definition(DeadLetterPrefix + function.Name));
            _queues.Add(function.Name, new FunctionQueue(function, queue, deadLetter));
        }
    }

    /// <summary>The dead-letter queue of <paramref name="functionName"/>, or null for a function the app lacks.</summary>
    public IQueueSource? DeadLetterQueueOf(string functionName) => _queues.GetValueOrDefault(functionName)?.DeadLetter;

    /// <summary>The queue of <paramref name="functionName"/>, or null for a function the app lacks.</summary>
    public IQueueSource? QueueOf(string functionName) => _queues.GetValueOrDefault(functionName)?.Queue;

    /// <summary>Stores the event; once this returns, the invocation survives a restart of the host.</summary>
    public async Task EnqueueAsync(HostedFunction function, ReadOnlyMemory<byte> payload, string requestId, string? clientContext, CancellationToken cancel)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>(2, StringComparer.Ordinal)
        {
            [RequestIdAttribute] = MessageAttributeValue.String(requestId),
        };
        if (clientContext is not null)
            attributes[ClientContextAttribute] = MessageAttributeValue.String(clientContext);
        await _queues[function.Name].Queue.SendAsync(payload, attributes, null, cancel).ConfigureAwait(false);
    }

    public void Start()
    {
        foreach (var queue in _queues.Values)
            _pollers.Add(Task.Run(() => new AsyncPoller(queue, _executor, _settings, _log, _stopping.Token).RunAsync()));
    }

    /// <summary>Stops taking events from the queues and waits for the invocations already running to finish.</summary>
    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pollers).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static QueueDefinition Definition(string name) => new(name, null, new Dictionary<string, string>(0));
}

/// <summary>How asynchronous invocations are retried and how many of one function run at once.</summary>
/// <param name="RetryDelays">The delay before each retry; its length is the number of retries.</param>
/// <param name="Concurrency">Most invocations of a function without reserved concurrency at once.</param>
internal sealed record AsyncSettings(IReadOnlyList<TimeSpan> RetryDelays, int Concurrency);

/// <summary>A function with its event queue and its dead-letter queue.</summary>
internal sealed record FunctionQueue(HostedFunction Function, IQueueSource Queue, IQueueSource DeadLetter);
