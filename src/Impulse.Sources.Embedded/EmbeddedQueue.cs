using Impulse.Sources.Embedded.Operations;

namespace Impulse.Sources.Embedded;

/// <summary>
/// A view of one queue of an <see cref="EmbeddedQueueDatabase"/>. Every call becomes one operation for the
/// database's writer thread; a long-polling receive repeats its attempt when woken by a send in this process,
/// when the next hidden message is due, or every <see cref="EmbeddedQueueOptions.PollInterval"/> for sends from
/// other processes.
/// </summary>
internal sealed class EmbeddedQueue(
    EmbeddedQueueDatabase database,
    QueueHandle handle,
    RedrivePolicy? redrive,
    QueueHandle? deadLetter) : IQueueSource
{
    // Beyond SQS's limits (12 hours, 15 minutes) on purpose, for local experiments; bounded so milliseconds never overflow.
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(365);

    public string Name => handle.Name;

    public async ValueTask<string> SendAsync(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default)
    {
        var ids = await SendBatchAsync([new OutgoingMessage(body, attributes, delay)], cancel).ConfigureAwait(false);
        return ids[0];
    }

    public async ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            CheckTimeout(message.Delay ?? TimeSpan.Zero, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return [];
        }

        // Once queued, a send is not withdrawn: reporting it cancelled after it was stored would invite a duplicate.
        cancel.ThrowIfCancellationRequested();
        return await database.Submit(new SendOperation(handle.Id, handle.Signal, messages)).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        TimeSpan waitTime,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        CheckTimeout(visibilityTimeout, nameof(visibilityTimeout));
        CheckTimeout(waitTime, nameof(waitTime));
        var time = database.Options.TimeProvider;
        var started = time.GetTimestamp();
        var visibilityMs = (long)visibilityTimeout.TotalMilliseconds;
        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            // Taken before the attempt, so a send that commits after the attempt looked still wakes this wait.
            var woken = handle.Signal.Next;
            var outcome = await database.Submit(new ReceiveOperation(handle, redrive, deadLetter, maxMessages, visibilityMs)).ConfigureAwait(false);
            if (outcome.Messages.Count > 0)
            {
                return outcome.Messages;
            }

            var remaining = waitTime - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                return [];
            }

            var sleep = remaining < database.Options.PollInterval ? remaining : database.Options.PollInterval;
            if (outcome.NextVisibleAt is { } next)
            {
                var due = TimeSpan.FromMilliseconds(Math.Max(1, next - time.GetUtcNow().ToUnixTimeMilliseconds()));
                sleep = due < sleep ? due : sleep;
            }

            await WaitAsync(woken, sleep, cancel).ConfigureAwait(false);
        }
    }

    public async ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandles);
        var receipts = new (long, long)[receiptHandles.Count];
        for (var i = 0; i < receipts.Length; i++)
        {
            receipts[i] = ReceiptHandle.Parse(receiptHandles[i]);
        }

        if (receipts.Length == 0)
        {
            return 0;
        }

        cancel.ThrowIfCancellationRequested();
        return await database.Submit(new DeleteOperation(handle.Id, receipts)).ConfigureAwait(false);
    }

    public async ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default)
    {
        var receipt = ReceiptHandle.Parse(receiptHandle);
        CheckTimeout(visibilityTimeout, nameof(visibilityTimeout));
        cancel.ThrowIfCancellationRequested();
        var visibilityMs = (long)visibilityTimeout.TotalMilliseconds;
        return await database.Submit(new ChangeVisibilityOperation(handle.Id, handle.Signal, receipt, visibilityMs)).ConfigureAwait(false);
    }

    public async ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        return await database.Submit(new StatisticsOperation(handle.Id)).ConfigureAwait(false);
    }

    /// <summary>Views own nothing: the database holds the connection and is disposed by its owner.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Waits for a wake-up, the timeout or the database closing, whichever comes first.</summary>
    private async Task WaitAsync(Task woken, TimeSpan timeout, CancellationToken cancel)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel, database.Closing);
        var delay = Task.Delay(timeout, database.Options.TimeProvider, stop.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        // Releases the timer when woken early; a cancelled delay raises nothing unobserved.
        await stop.CancelAsync().ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
    }

    private static void CheckTimeout(TimeSpan value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxTimeout, name);
    }
}
