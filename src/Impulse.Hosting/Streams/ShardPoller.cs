using Impulse.Hosting.Execution;
using Impulse.Hosting.Manifest;
using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>
/// Feeds one shard of a stream to one function, as Lambda's stream event source mapping does: one batch in flight
/// per shard, so records of a partition key are handled in order; a failed batch is retried from the failed record,
/// blocking the shard meanwhile; a function error splits the batch in halves when bisection is on; after
/// <see cref="StreamTriggerSpec.MaxRetryAttempts"/> retries the records go to the on-failure destination and the
/// shard moves on. Progress is a durable checkpoint per function and shard, so a restart resumes after the last
/// record handled.
/// </summary>
internal sealed class ShardPoller
{
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(2);

    private readonly HostedFunction _function;
    private readonly StreamTriggerSpec _trigger;
    private readonly IStreamSource _stream;
    private readonly string _shard;
    private readonly Func<string, IQueueSource> _queues;
    private readonly FunctionExecutor _executor;
    private readonly StreamPollerSettings _settings;
    private readonly FunctionLogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly string _arn;
    private string? _checkpoint;
    private bool _started;

    public ShardPoller(HostedFunction function, StreamTriggerSpec trigger, IStreamSource stream, string shard, Func<string, IQueueSource> queues, FunctionExecutor executor, StreamPollerSettings settings, FunctionLogger log, TimeProvider time, CancellationToken stopping)
    {
        _function = function;
        _trigger = trigger;
        _stream = stream;
        _shard = shard;
        _queues = queues;
        _executor = executor;
        _settings = settings;
        _log = log;
        _time = time;
        _stopping = stopping;
        _arn = StreamEventWriter.ArnOf(trigger.Kind, trigger.Stream, executor.Region, executor.AccountId);
    }

    public string FunctionName => _function.Name;
    public string Stream => _trigger.Stream;
    public string Shard => _shard;

    /// <summary>The function's name is the consumer a checkpoint belongs to: one event source mapping per function and stream.</summary>
    private string Consumer => _function.Name;

    /// <summary>
    /// Finds the start position once, before the host reports it has started, so <c>LATEST</c> means "after what was
    /// there when the host started" and a record put right after the start is not skipped. A failure here is left
    /// to <see cref="RunAsync"/>, which keeps trying.
    /// </summary>
    public async Task InitializeAsync()
    {
        try
        {
            await FindStartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.Log(LogLevel.Error, $"Cannot read the checkpoint of '{FunctionName}' on stream '{Stream}' {_shard} at start; trying again.", e);
        }
    }

    public async Task RunAsync()
    {
        if (!_started && !await StartAsync().ConfigureAwait(false))
            return;
        while (!_stopping.IsCancellationRequested)
        {
            var batch = await GatherAsync().ConfigureAwait(false);
            if (batch is null)
                return;
            if (batch.Count > 0 && !await ProcessAsync(batch).ConfigureAwait(false))
                return;
        }
    }

    /// <summary>Finds where to read from: the checkpoint, else the trigger's starting position. False once stopping.</summary>
    private async Task<bool> StartAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await FindStartAsync().ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (!_stopping.IsCancellationRequested)
            {
                _log.Log(LogLevel.Error, $"Cannot read the checkpoint of '{FunctionName}' on stream '{Stream}' {_shard}; trying again.", e);
                if (!await PauseAsync(ErrorPause).ConfigureAwait(false))
                    return false;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return false;
    }

    private async Task FindStartAsync()
    {
        _checkpoint = await _stream.GetCheckpointAsync(Consumer, _shard, _stopping).ConfigureAwait(false);
        if (_checkpoint is null && _trigger.StartAtLatest && await _stream.GetLatestSequenceNumberAsync(_shard, _stopping).ConfigureAwait(false) is { } latest)
        {
            // Stored at once, so a restart does not move LATEST past records put in between.
            await SaveCheckpointAsync(latest).ConfigureAwait(false);
        }

        _started = true;
    }

    /// <summary>
    /// Reads the records after the checkpoint: waits for a first one, then keeps reading until the batch is full or
    /// the batching window ends. Null once the host is stopping; nothing is lost, as nothing was checkpointed.
    /// </summary>
    private async Task<List<StreamRecord>?> GatherAsync()
    {
        var batch = new List<StreamRecord>();
        try
        {
            batch.AddRange(await _stream.ReadAsync(_shard, _checkpoint, _trigger.BatchSize, _settings.LongPoll, _stopping).ConfigureAwait(false));
            if (batch.Count == 0 || _trigger.MaxBatchingWindowSeconds == 0)
                return batch;
            var windowEnds = _time.GetUtcNow().AddSeconds(_trigger.MaxBatchingWindowSeconds);
            while (batch.Count < _trigger.BatchSize)
            {
                var remaining = windowEnds - _time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                    break;
                batch.AddRange(await _stream.ReadAsync(_shard, batch[^1].SequenceNumber, _trigger.BatchSize - batch.Count, remaining, _stopping).ConfigureAwait(false));
            }

            return batch;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception e)
        {
            _log.Log(LogLevel.Error, $"Reading stream '{Stream}' {_shard} for '{FunctionName}' failed; trying again.", e);
            if (batch.Count > 0)
                return batch;
            return await PauseAsync(ErrorPause).ConfigureAwait(false) ? [] : null;
        }
    }

    /// <summary>
    /// Runs a batch until every record is handled or given up on. False when the host stopped first: the checkpoint
    /// then stays before the records not yet handled, and the next start reads them again.
    /// </summary>
    private async Task<bool> ProcessAsync(List<StreamRecord> batch)
    {
        var attempts = 0;
        while (batch.Count > 0)
        {
            if (_stopping.IsCancellationRequested)
                return false;
            var outcome = await InvokeAsync(batch).ConfigureAwait(false);
            if (outcome is null)
                return false;
            if (outcome.Succeeded)
            {
                await SaveCheckpointAsync(batch[^1].SequenceNumber).ConfigureAwait(false);
                return true;
            }

            var failedAt = outcome.FailedAt!.Value;
            if (failedAt > 0)
            {
                // The records before the reported one are done; the retry starts at it, with a fresh count.
                await SaveCheckpointAsync(batch[failedAt - 1].SequenceNumber).ConfigureAwait(false);
                batch = batch[failedAt..];
                attempts = 0;
            }
            else if (outcome.FunctionError && _trigger.BisectBatchOnFunctionError && batch.Count > 1)
            {
                // Splitting does not count as a retry: each half runs as a batch of its own, the first half first so
                // the shard stays in order.
                var half = batch.Count / 2;
                _log.Log(LogLevel.Warn, $"'{FunctionName}' failed a batch of {batch.Count} records from stream '{Stream}' {_shard}; splitting it in halves of {half} and {batch.Count - half}.",
                    [new("stream", Stream), new("shard", _shard), new("reason", outcome.Reason ?? "")]);
                if (!await ProcessAsync(batch[..half]).ConfigureAwait(false))
                    return false;
                batch = batch[half..];
                attempts = 0;
                continue;
            }

            attempts++;
            if (_trigger.MaxRetryAttempts >= 0 && attempts > _trigger.MaxRetryAttempts)
            {
                // A partial failure names the record that failed, so only it is given up on; a function error (or a
                // response naming no record) cannot say which record failed, so the whole (possibly bisected) batch is.
                var failed = outcome.WholeBatch ? batch : batch[..1];
                await GiveUpAsync(failed, attempts, outcome.Reason).ConfigureAwait(false);
                batch = batch[failed.Count..];
                attempts = 0;
                continue;
            }

            _log.Log(LogLevel.Warn, $"'{FunctionName}' failed on stream '{Stream}' {_shard} from record {batch[0].SequenceNumber}; retrying from there (retry {attempts}).",
                [new("stream", Stream), new("shard", _shard), new("sequenceNumber", batch[0].SequenceNumber), new("reason", outcome.Reason ?? "")]);
            if (!await PauseAsync(RetryDelay(attempts)).ConfigureAwait(false))
                return false;
        }

        return true;
    }

    /// <summary>Invokes the function with the batch; null when the host stopped while it waited for a concurrency slot.</summary>
    private async Task<StreamBatchOutcome?> InvokeAsync(List<StreamRecord> batch)
    {
        var gate = _function.Gate;
        try
        {
            // A poller waits for a slot rather than being throttled, as Lambda's pollers do.
            await gate.EnterAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        try
        {
            var payload = StreamEventWriter.Write(_trigger.Kind, batch, _arn, _executor.Region, _executor.AccountId);
            var executed = await _executor.RunAsync(_function.Spec, new InvocationRequest(Guid.NewGuid().ToString(), payload)).ConfigureAwait(false);
            return StreamBatchOutcome.Of(batch, executed);
        }
        catch (Exception e)
        {
            _log.Log(LogLevel.Error, $"Invoking '{FunctionName}' with a batch from stream '{Stream}' {_shard} failed.", e);
            return new StreamBatchOutcome(0, true, true, e.Message);
        }
        finally
        {
            gate.Exit();
        }
    }

    /// <summary>Sends the on-failure record to the trigger's destination (or logs the loss, with none) and moves the checkpoint past the records.</summary>
    private async Task GiveUpAsync(List<StreamRecord> records, int attempts, string? reason)
    {
        var range = records.Count == 1 ? $"record {records[0].SequenceNumber}" : $"records {records[0].SequenceNumber} to {records[^1].SequenceNumber}";
        if (_trigger.DeadLetterQueue is { } destination)
        {
            var body = OnFailureRecord.Write(_trigger.Kind, records, _arn, _executor.ArnOf(FunctionName), attempts, reason, _time.GetUtcNow());
            while (true)
            {
                try
                {
                    // Stored before the checkpoint moves, so a crash in between sends it twice rather than never.
                    await _queues(destination).SendAsync(System.Text.Encoding.UTF8.GetBytes(body), cancel: CancellationToken.None).ConfigureAwait(false);
                    break;
                }
                catch (Exception e)
                {
                    _log.Log(LogLevel.Error, $"Sending the failure of {range} of stream '{Stream}' to '{destination}' failed; trying again.", e);
                    if (!await PauseAsync(ErrorPause).ConfigureAwait(false))
                        return;
                }
            }

            _log.Log(LogLevel.Warn, $"'{FunctionName}' gave up on {range} of stream '{Stream}' {_shard} after {attempts - 1} retries; sent to '{destination}'.",
                [new("stream", Stream), new("shard", _shard), new("destination", destination), new("reason", reason ?? "")]);
        }
        else
        {
            _log.Log(LogLevel.Warn, $"'{FunctionName}' gave up on {range} of stream '{Stream}' {_shard} after {attempts - 1} retries; with no DeadLetterQueue they are skipped.",
                [new("stream", Stream), new("shard", _shard), new("reason", reason ?? "")]);
        }

        await SaveCheckpointAsync(records[^1].SequenceNumber).ConfigureAwait(false);
    }

    private async Task SaveCheckpointAsync(string sequenceNumber)
    {
        while (true)
        {
            try
            {
                await _stream.CheckpointAsync(Consumer, _shard, sequenceNumber, CancellationToken.None).ConfigureAwait(false);
                _checkpoint = sequenceNumber;
                return;
            }
            catch (Exception e)
            {
                // Moving on without the checkpoint would hand the same records to the next batch only after a restart,
                // out of step with this one; waiting keeps the shard in order.
                _log.Log(LogLevel.Error, $"Saving the checkpoint of '{FunctionName}' on stream '{Stream}' {_shard} failed; trying again.", e);
                if (!await PauseAsync(ErrorPause).ConfigureAwait(false))
                {
                    // Stopping: in memory only, so this run does not hand out the records again; the next start may.
                    _checkpoint = sequenceNumber;
                    return;
                }
            }
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _settings.RetryDelay * Math.Pow(2, Math.Min(attempt - 1, 16));
        return delay < _settings.MaxRetryDelay ? delay : _settings.MaxRetryDelay;
    }

    private async Task<bool> PauseAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _stopping).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>How stream pollers read and retry.</summary>
/// <param name="LongPoll">How long one read waits for a first record.</param>
/// <param name="RetryDelay">The pause before the first retry of a failed batch; it doubles with each retry.</param>
/// <param name="MaxRetryDelay">The longest pause between retries.</param>
internal sealed record StreamPollerSettings(TimeSpan LongPoll, TimeSpan RetryDelay, TimeSpan MaxRetryDelay);
