using Impulse.Sources.Embedded.Operations;

namespace Impulse.Sources.Embedded;

/// <summary>
/// The one thread that talks to the database. Callers queue operations; the thread runs everything queued so far
/// in one transaction (group commit), so concurrent pollers and senders share one disk flush instead of paying
/// one each. SQLite serializes writers anyway, so a single connection loses no parallelism and never meets its own
/// lock; other processes are waited for through the busy timeout.
/// </summary>
internal sealed class QueueWriter : IDisposable
{
    private readonly object _gate = new();
    private readonly QueueCommands _commands;
    private readonly TimeProvider _time;
    private readonly Thread _thread;
    private readonly bool _syncEveryCommit;
    private List<WriteOperation> _pending = [];
    private bool _closing;
    private bool _fullSync = true; // QueueCommands.Open leaves the connection at FULL.

    public QueueWriter(QueueCommands commands, TimeProvider time, bool syncEveryCommit, string name)
    {
        _commands = commands;
        _time = time;
        _syncEveryCommit = syncEveryCommit;
        // A dedicated thread, since each commit blocks on fsync for a millisecond or more; on a 2-core machine
        // that would otherwise hold one of the few thread-pool threads.
        _thread = new Thread(Run) { IsBackground = true, Name = $"Impulse queue writer ({name})" };
        _thread.Start();
    }

    /// <summary>Queues an operation and returns the task that completes once its transaction committed.</summary>
    /// <exception cref="ObjectDisposedException">The database is closing.</exception>
    public Task<T> Submit<T>(WriteOperation<T> operation)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, typeof(EmbeddedQueueDatabase));
            _pending.Add(operation);
            if (_pending.Count == 1)
            {
                Monitor.Pulse(_gate);
            }
        }

        return operation.Completion;
    }

    /// <summary>Runs what is already queued, then stops the thread and closes the connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            Monitor.Pulse(_gate);
        }

        _thread.Join();
        _commands.Dispose();
    }

    private void Run()
    {
        var batch = new List<WriteOperation>();
        while (true)
        {
            lock (_gate)
            {
                while (_pending.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_pending.Count == 0)
                {
                    return;
                }

                (batch, _pending) = (_pending, batch);
            }

            if (!TryCommit(batch) && batch.Count > 1)
            {
                // Something in the batch failed: run each operation alone, so one bad operation fails only its
                // own caller. Each was rolled back with the batch, so nothing is stored twice.
                foreach (var operation in batch)
                {
                    TryCommit([operation]);
                }
            }

            batch.Clear();
        }
    }

    /// <summary>Runs the operations in one transaction; on failure rolls back and, for a single operation, fails it.</summary>
    private bool TryCommit(List<WriteOperation> operations)
    {
        try
        {
            var storesSends = _syncEveryCommit;
            foreach (var operation in operations)
            {
                storesSends |= operation.StoresSends;
            }

            // FULL (an fsync of the WAL at commit) where the commit acknowledges sends; NORMAL where it holds only
            // receives, deletes and visibility changes: still written to the WAL before COMMIT returns, so a killed
            // process loses none of them, and a power loss that undoes one at most redelivers a message, which
            // at-least-once delivery allows. See QueueCommands.Open on FULL versus NORMAL.
            SetFullSync(storesSends);
            _commands.Begin.ExecuteNonQuery();
            // One clock reading per transaction: every operation in it acts at the same moment.
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            foreach (var operation in operations)
            {
                operation.Execute(_commands, now);
            }

            _commands.Commit.ExecuteNonQuery();
        }
        catch (Exception error)
        {
            RollBack();
            if (operations.Count == 1)
            {
                operations[0].Fail(error);
            }

            return false;
        }

        foreach (var operation in operations)
        {
            operation.Committed();
        }

        return true;
    }

    private void SetFullSync(bool full)
    {
        if (full != _fullSync)
        {
            _commands.SetSynchronous(full);
            _fullSync = full;
        }
    }

    private void RollBack()
    {
        try
        {
            if (_commands.InTransaction)
            {
                _commands.Rollback.ExecuteNonQuery();
            }
        }
        catch (Exception)
        {
            // The connection may be broken; the next BEGIN reports that to the operations that follow.
        }
    }
}
