namespace Impulse.Sources.Embedded;

/// <summary>
/// Wakes the receivers of one queue that are long-polling in this process. A waiter takes <see cref="Next"/>
/// before it looks at the database, so a send that commits between its look and its wait still wakes it.
/// </summary>
internal sealed class QueueSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    // Waiters resume on the thread pool, never on the writer thread that pulses.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
