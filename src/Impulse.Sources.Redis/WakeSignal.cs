namespace Impulse.Sources.Redis;

/// <summary>
/// Wakes the receivers of one queue source that are long-polling. A waiter takes <see cref="Next"/> before it runs its
/// receive attempt, so a wake-up that arrives between the attempt and the wait still ends the wait.
/// </summary>
internal sealed class WakeSignal
{
    private TaskCompletionSource _next = NewSource();

    public Task Next => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    // Waiters resume on the thread pool, never on the connection's reader that delivers the pub/sub message.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
