namespace Impulse.Hosting.Execution;

/// <summary>Why a synchronous invocation was throttled, in the words of Lambda's <c>Reason</c> field.</summary>
internal enum ThrottleReason
{
    None,
    /// <summary>The function's reserved concurrency is in use.</summary>
    ReservedFunctionConcurrentInvocationLimitExceeded,
    /// <summary>The host-wide limit (the account's concurrency, on AWS) is in use.</summary>
    ConcurrentInvocationLimitExceeded,
}

/// <summary>
/// One function's concurrency: its reserved limit and the host-wide one. Synchronous callers try once and are
/// throttled; asynchronous ones wait, as Lambda keeps throttled events in its queue.
/// </summary>
internal sealed class ConcurrencyGate(int reserved, SemaphoreSlim? hostWide)
{
    private readonly SemaphoreSlim? _function = reserved > 0 ? new SemaphoreSlim(reserved, reserved) : null;

    /// <summary>The function's own limit; 0 for none.</summary>
    public int Reserved { get; } = Math.Max(0, reserved);

    /// <summary>Takes a slot if one is free now; otherwise says which limit is in use.</summary>
    public ThrottleReason TryEnter()
    {
        if (_function is not null && !_function.Wait(0))
            return ThrottleReason.ReservedFunctionConcurrentInvocationLimitExceeded;
        if (hostWide is not null && !hostWide.Wait(0))
        {
            _function?.Release();
            return ThrottleReason.ConcurrentInvocationLimitExceeded;
        }

        return ThrottleReason.None;
    }

    /// <summary>Waits for a slot. The function's slot is taken first, in the same order as <see cref="TryEnter"/>,
    /// so a waiter never holds a host-wide slot while it waits for its function.</summary>
    public async ValueTask EnterAsync(CancellationToken cancel)
    {
        if (_function is not null)
            await _function.WaitAsync(cancel).ConfigureAwait(false);
        if (hostWide is null)
            return;
        try
        {
            await hostWide.WaitAsync(cancel).ConfigureAwait(false);
        }
        catch
        {
            _function?.Release();
            throw;
        }
    }

    /// <summary>Gives back a slot taken by <see cref="TryEnter"/> or <see cref="EnterAsync"/>.</summary>
    public void Exit()
    {
        hostWide?.Release();
        _function?.Release();
    }
}
