namespace Impulse.Sources.Embedded.Operations;

/// <summary>
/// One caller's request to the writer thread. The writer runs many of them in one transaction, so
/// <see cref="Execute"/> may run again alone after a failed batch and must start from scratch each time;
/// callers see a result only after <see cref="Committed"/>, that is once it is durable.
/// </summary>
internal abstract class WriteOperation
{
    /// <summary>Whether it stores sends, whose commit must reach the disk before the caller is told.</summary>
    public virtual bool StoresSends => false;

    /// <summary>Runs the operation's statements inside the writer's open transaction.</summary>
    public abstract void Execute(QueueCommands commands, long now);

    /// <summary>Publishes the result once the transaction committed.</summary>
    public abstract void Committed();

    /// <summary>Reports that the operation could not be stored.</summary>
    public abstract void Fail(Exception error);
}

/// <summary>A <see cref="WriteOperation"/> with a result of type <typeparamref name="T"/>.</summary>
internal abstract class WriteOperation<T> : WriteOperation
{
    // Callers resume on the thread pool, never inline on the writer thread.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Completion => _completion.Task;

    protected abstract T Result { get; }

    public sealed override void Committed()
    {
        OnCommitted();
        _completion.TrySetResult(Result);
    }

    public sealed override void Fail(Exception error) => _completion.TrySetException(error);

    /// <summary>Side effects that must wait for the commit, such as waking receivers.</summary>
    protected virtual void OnCommitted()
    {
    }
}
