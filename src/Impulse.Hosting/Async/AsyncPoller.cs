using System.Globalization;
using Impulse.Hosting.Execution;
using Impulse.Sources;

namespace Impulse.Hosting.Async;

/// <summary>
/// Takes one function's queued events and invokes them, up to its concurrency at once. One receiver per function
/// keeps an idle host from polling the queue once per slot.
/// </summary>
internal sealed class AsyncPoller
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(1);
    // Beyond the function's timeout, so an invocation that runs to its deadline still owns its message when it ends.
    private static readonly TimeSpan VisibilityMargin = TimeSpan.FromSeconds(10);

    private readonly FunctionQueue _queue;
    private readonly FunctionExecutor _executor;
    private readonly AsyncSettings _settings;
    private readonly FunctionLogger _log;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _slots;
    private readonly TimeSpan _visibility;

    public AsyncPoller(FunctionQueue queue, FunctionExecutor executor, AsyncSettings settings, FunctionLogger log, CancellationToken stopping)
    {
        _queue = queue;
        _executor = executor;
        _settings = settings;
        _log = log;
        _stopping = stopping;
        var gate = queue.Function.Gate;
        var slots = gate.Reserved > 0 ? gate.Reserved : Math.Max(1, settings.Concurrency);
        _slots = new SemaphoreSlim(slots, slots);
        _visibility = TimeSpan.FromSeconds(queue.Function.Spec.Invoker.TimeoutSeconds) + VisibilityMargin;
    }

    private string Name => _queue.Function.Name;

    public async Task RunAsync()
    {
        var running = new List<Task>();
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var messages = await ReceiveAsync().ConfigureAwait(false);
                if (messages is null)
                    break;
                running.RemoveAll(t => t.IsCompleted);
                foreach (var message in messages)
                    running.Add(Task.Run(() => ProcessAsync(message)));
            }
        }
        finally
        {
            // In-flight invocations finish, bounded by their timeouts; events not yet started stay queued.
            await Task.WhenAll(running).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for a free slot and then for events; null once the host is stopping. Holds one slot per event returned.</summary>
    private async Task<IReadOnlyList<ReceivedMessage>?> ReceiveAsync()
    {
        while (true)
        {
            try
            {
                await _slots.WaitAsync(_stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }

            IReadOnlyList<ReceivedMessage> messages;
            try
            {
                // Only this loop takes slots, so the ones free now stay free for the events this receive returns.
                var wanted = Math.Min(10, _slots.CurrentCount + 1);
                messages = await _queue.Queue.ReceiveAsync(wanted, _visibility, LongPoll, _stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                _slots.Release();
                return null;
            }
            catch (Exception e)
            {
                _slots.Release();
                _log.Log(LogLevel.Error, $"Receiving asynchronous invocations of '{Name}' failed; trying again.", e);
                try
                {
                    await Task.Delay(ErrorPause, _stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return null;
                }

                continue;
            }

            if (messages.Count == 0)
            {
                _slots.Release();
                continue;
            }

            for (var i = 1; i < messages.Count; i++)
                _slots.Wait(0);
            return messages;
        }
    }

    private async Task ProcessAsync(ReceivedMessage message)
    {
        try
        {
            await InvokeAsync(message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The message stays in the queue and comes back when its visibility ends.
            _log.Log(LogLevel.Error, $"Handling an asynchronous invocation of '{Name}' failed.", e);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task InvokeAsync(ReceivedMessage message)
    {
        var requestId = message.MessageAttributes.TryGetValue(AsyncInvocations.RequestIdAttribute, out var id) && id.StringValue is { } text ? text : message.MessageId;
        var clientContext = message.MessageAttributes.TryGetValue(AsyncInvocations.ClientContextAttribute, out var cc) ? cc.StringValue : null;
        var attempts = _settings.RetryDelays.Count + 1;
        if (message.ReceiveCount > attempts)
        {
            // Received again after its last attempt without an outcome (the host stopped mid-invocation).
            await DeadLetterAsync(message, requestId, $"The event was delivered {message.ReceiveCount - 1} times without a completed attempt.").ConfigureAwait(false);
            return;
        }

        var gate = _queue.Function.Gate;
        try
        {
            // Throttled events wait here, as Lambda keeps them in its queue.
            await gate.EnterAsync(_stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _queue.Queue.ChangeVisibilityAsync(message.ReceiptHandle, TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        ExecutedInvocation result;
        try
        {
            // The wait for a slot may have been long: the invocation gets its full visibility from now.
            if (!await _queue.Queue.ChangeVisibilityAsync(message.ReceiptHandle, _visibility, CancellationToken.None).ConfigureAwait(false))
                return;
            result = await _executor.RunAsync(_queue.Function.Spec, new InvocationRequest(requestId, message.Body, clientContext)).ConfigureAwait(false);
        }
        finally
        {
            gate.Exit();
        }

        if (result.Succeeded)
        {
            await _queue.Queue.DeleteAsync(message.ReceiptHandle, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var attempt = message.ReceiveCount;
        if (attempt < attempts)
        {
            var delay = _settings.RetryDelays[attempt - 1];
            _log.Log(LogLevel.Warn, $"Asynchronous invocation of '{Name}' failed; retrying.",
                [new("requestId", requestId), new("attempt", attempt), new("retryInSeconds", delay.TotalSeconds), new("errorType", result.Error?.Type)]);
            await _queue.Queue.ChangeVisibilityAsync(message.ReceiptHandle, delay, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await DeadLetterAsync(message, requestId, result.Error?.Message ?? "The invocation failed.").ConfigureAwait(false);
    }

    /// <summary>Moves the event to the dead-letter queue with the attributes Lambda gives dead-lettered events.</summary>
    private async Task DeadLetterAsync(ReceivedMessage message, string requestId, string errorMessage)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>(3, StringComparer.Ordinal)
        {
            [AsyncInvocations.RequestIdAttribute] = MessageAttributeValue.String(requestId),
            // Lambda reports the status of the invocation that failed, which for a function error is 200.
            [AsyncInvocations.ErrorCodeAttribute] = MessageAttributeValue.Number(200.ToString(CultureInfo.InvariantCulture)),
            [AsyncInvocations.ErrorMessageAttribute] = MessageAttributeValue.String(errorMessage),
        };
        await _queue.DeadLetter.SendAsync(message.Body, attributes, null, CancellationToken.None).ConfigureAwait(false);
        await _queue.Queue.DeleteAsync(message.ReceiptHandle, CancellationToken.None).ConfigureAwait(false);
        _log.Log(LogLevel.Error, $"Asynchronous invocation of '{Name}' failed after every retry; sent to its dead-letter queue.",
            [new("requestId", requestId), new("deadLetterQueue", _queue.DeadLetter.Name), new("errorMessage", errorMessage)]);
    }
}
