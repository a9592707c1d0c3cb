using Impulse.Hosting.Execution;
using Impulse.Hosting.Manifest;
using Impulse.Sources;

namespace Impulse.Hosting.Polling;

/// <summary>
/// One queue pull trigger's poller, as Lambda's event source mapping runs it: gathers batches, invokes the function
/// with an SQS event, deletes what succeeded and leaves the rest to come back after the visibility timeout.
/// </summary>
/// <remarks>
/// Concurrency is a number of workers, each with one batch in flight. It starts at one; a worker whose receive
/// fills a whole batch (a backlog) starts another, up to the trigger's maximum concurrency; a worker whose long
/// poll comes back empty stops when others remain. Workers wait for the function's concurrency slot rather than
/// being throttled, as Lambda's pollers do.
/// </remarks>
internal sealed class QueuePoller
{
    // SQS's most messages per receive.
    private const int MaxPerReceive = 10;
    // Gathering stops here, so a batch of messages up to SQS's 256 KB each stays under Lambda's 6 MB payload limit.
    private const int MaxGatheredBytes = 3 * 1024 * 1024;
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(2);

    private readonly HostedFunction _function;
    private readonly QueueTriggerSpec _trigger;
    private readonly Func<IQueueSource> _open;
    private readonly FunctionExecutor _executor;
    private readonly PollerSettings _settings;
    private readonly FunctionLogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly List<Task> _workers = [];
    private readonly string _arn;
    private IQueueSource? _queue;
    private int _active;
    private int _peak;

    public QueuePoller(HostedFunction function, QueueTriggerSpec trigger, Func<IQueueSource> open, FunctionExecutor executor, PollerSettings settings, FunctionLogger log, TimeProvider time, CancellationToken stopping)
    {
        _function = function;
        _trigger = trigger;
        _open = open;
        _executor = executor;
        _settings = settings;
        _log = log;
        _time = time;
        _stopping = stopping;
        _arn = SqsEventWriter.ArnOf(trigger.Queue, executor.Region, executor.AccountId);
        var max = trigger.MaxConcurrency > 0 ? trigger.MaxConcurrency : settings.DefaultMaxConcurrency;
        // Workers beyond the reserved concurrency would only hold messages while they wait for a slot.
        MaxConcurrency = Math.Max(1, function.Gate.Reserved > 0 ? Math.Min(max, function.Gate.Reserved) : max);
        Visibility = settings.VisibilityTimeout ?? TimeSpan.FromSeconds(settings.VisibilityTimeoutFactor * function.Spec.Invoker.TimeoutSeconds);
    }

    public string FunctionName => _function.Name;
    public string Queue => _trigger.Queue;
    public int MaxConcurrency { get; }
    public TimeSpan Visibility { get; }

    /// <summary>Batches in flight or being gathered now.</summary>
    public int Concurrency => Volatile.Read(ref _active);

    /// <summary>The most workers this poller has run at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peak);

    public async Task RunAsync()
    {
        _queue = await OpenAsync().ConfigureAwait(false);
        if (_queue is null)
            return;
        Interlocked.Increment(ref _active);
        _peak = 1;
        StartWorker();
        // Workers start workers, so wait until a pass finds none that had not finished.
        while (true)
        {
            Task[] workers;
            lock (_workers)
                workers = [.. _workers];
            await Task.WhenAll(workers).ConfigureAwait(false);
            lock (_workers)
            {
                if (_workers.Count == workers.Length)
                    return;
            }
        }
    }

    private async Task<IQueueSource?> OpenAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                return _open();
            }
            catch (Exception e)
            {
                // A broker that is not up yet should not stop the host: the poller keeps trying.
                _log.Log(LogLevel.Error, $"Cannot open queue '{Queue}' for '{FunctionName}'; trying again.", e);
                if (!await PauseAsync().ConfigureAwait(false))
                    return null;
            }
        }

        return null;
    }

    private void StartWorker()
    {
        lock (_workers)
            _workers.Add(Task.Run(WorkAsync));
    }

    private async Task WorkAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var batch = await GatherAsync().ConfigureAwait(false);
            if (batch is null)
                return;
            if (batch.Count == 0)
            {
                if (TryRetire())
                    return;
                continue;
            }

            if (batch.Count >= _trigger.BatchSize)
                TryGrow();
            await ProcessAsync(batch).ConfigureAwait(false);
        }
    }

    private void TryGrow()
    {
        int active;
        while ((active = Volatile.Read(ref _active)) < MaxConcurrency)
        {
            if (Interlocked.CompareExchange(ref _active, active + 1, active) != active)
                continue;
            InterlockedMax(ref _peak, active + 1);
            StartWorker();
            return;
        }
    }

    /// <summary>Ends this worker when others remain; the last one keeps polling.</summary>
    private bool TryRetire()
    {
        int active;
        while ((active = Volatile.Read(ref _active)) > 1)
        {
            if (Interlocked.CompareExchange(ref _active, active - 1, active) == active)
                return true;
        }

        return false;
    }

    /// <summary>
    /// Long-polls for the first messages, then keeps receiving until the batch is full or the batching window (counted
    /// from the first message) ends. Null once the host is stopping; whatever was gathered is then made visible again.
    /// </summary>
    private async Task<List<ReceivedMessage>?> GatherAsync()
    {
        var queue = _queue!;
        var batch = new List<ReceivedMessage>(Math.Min(_trigger.BatchSize, 100));
        try
        {
            batch.AddRange(await queue.ReceiveAsync(Math.Min(MaxPerReceive, _trigger.BatchSize), Visibility, _settings.LongPoll, _stopping).ConfigureAwait(false));
            if (batch.Count == 0 || _trigger.MaxBatchingWindowSeconds == 0)
                return batch;
            var windowEnds = _time.GetUtcNow().AddSeconds(_trigger.MaxBatchingWindowSeconds);
            var bytes = batch.Sum(m => (long)m.Body.Length);
            while (batch.Count < _trigger.BatchSize && bytes < MaxGatheredBytes)
            {
                var remaining = windowEnds - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                    break;
                var more = await queue.ReceiveAsync(Math.Min(MaxPerReceive, _trigger.BatchSize - batch.Count), Visibility, remaining, _stopping).ConfigureAwait(false);
                batch.AddRange(more);
                bytes += more.Sum(m => (long)m.Body.Length);
            }

            return batch;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            await ReleaseAsync(batch).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            _log.Log(LogLevel.Error, $"Receiving from queue '{Queue}' for '{FunctionName}' failed; trying again.", e);
            if (batch.Count > 0)
                return batch;
            return await PauseAsync().ConfigureAwait(false) ? [] : null;
        }
    }

    private async Task ProcessAsync(List<ReceivedMessage> batch)
    {
        var gate = _function.Gate;
        try
        {
            // A poller waits for a slot rather than being throttled, as Lambda's pollers do.
            await gate.EnterAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await ReleaseAsync(batch).ConfigureAwait(false);
            return;
        }

        ExecutedInvocation outcome;
        try
        {
            var payload = SqsEventWriter.Write(batch, _arn, _executor.Region);
            outcome = await _executor.RunAsync(_function.Spec, new InvocationRequest(Guid.NewGuid().ToString(), payload)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.Log(LogLevel.Error, $"Invoking '{FunctionName}' with a batch from queue '{Queue}' failed; the messages come back after the visibility timeout.", e);
            await ReleaseIfStoppingAsync(batch).ConfigureAwait(false);
            return;
        }
        finally
        {
            gate.Exit();
        }

        var succeeded = BatchResult.Succeeded(batch, outcome, out var failed);
        await DeleteAsync(succeeded).ConfigureAwait(false);
        if (failed == 0)
            return;
        _log.Log(LogLevel.Warn, $"'{FunctionName}' failed {failed} of {batch.Count} messages from queue '{Queue}'; they come back after the visibility timeout.",
            [new("queue", Queue), new("failed", failed), new("status", outcome.Status.ToString()), new("visibilityTimeoutSeconds", Visibility.TotalSeconds)]);
        await ReleaseIfStoppingAsync(succeeded.Count == 0 ? batch : batch.Except(succeeded).ToList()).ConfigureAwait(false);
    }

    private async Task DeleteAsync(IReadOnlyList<ReceivedMessage> messages)
    {
        if (messages.Count == 0)
            return;
        try
        {
            await _queue!.DeleteAsync(messages.Select(m => m.ReceiptHandle).ToList(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The messages run again after their visibility ends: at least once, as SQS promises.
            _log.Log(LogLevel.Error, $"Deleting {messages.Count} handled messages from queue '{Queue}' failed; they will be delivered again.", e);
        }
    }

    /// <summary>On the way out, failed messages return at once, so none waits out a timeout after a restart.</summary>
    private Task ReleaseIfStoppingAsync(IReadOnlyList<ReceivedMessage> messages) =>
        _stopping.IsCancellationRequested ? ReleaseAsync(messages) : Task.CompletedTask;

    /// <summary>Makes received messages visible again now.</summary>
    private async Task ReleaseAsync(IReadOnlyList<ReceivedMessage> messages)
    {
        foreach (var message in messages)
        {
            try
            {
                await _queue!.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.Log(LogLevel.Warn, $"Returning a message to queue '{Queue}' failed; it comes back after its visibility timeout.", e);
            }
        }
    }

    private async Task<bool> PauseAsync()
    {
        try
        {
            await Task.Delay(ErrorPause, _time, _stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

/// <summary>How pollers receive.</summary>
/// <param name="VisibilityTimeout">How long received messages stay hidden; null for <paramref name="VisibilityTimeoutFactor"/> times the function's timeout.</param>
/// <param name="VisibilityTimeoutFactor">The multiple of the function's timeout, 6 as AWS recommends for a queue that feeds Lambda.</param>
/// <param name="DefaultMaxConcurrency">The most batches in flight per trigger that sets no maximum concurrency.</param>
/// <param name="LongPoll">How long one receive waits for a first message.</param>
internal sealed record PollerSettings(TimeSpan? VisibilityTimeout, int VisibilityTimeoutFactor, int DefaultMaxConcurrency, TimeSpan LongPoll);
