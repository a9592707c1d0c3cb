using System.Collections.Concurrent;
using Impulse.Sources.Embedded.Operations;

namespace Impulse.Sources.Embedded;

/// <summary>
/// One SQLite database file that holds an app's named queues, durable across restarts and safe to share with other
/// processes. Open it once per process and file; every queue opened from it shares its connection and writer thread.
/// </summary>
public sealed class EmbeddedQueueDatabase : IAsyncDisposable, IDisposable
{
    private readonly QueueWriter _writer;
    // Ids and signals by queue name, shared by every view of a queue so a send through one wakes receivers of all.
    private readonly ConcurrentDictionary<string, Lazy<QueueHandle>> _handles = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();

    private EmbeddedQueueDatabase(string path, EmbeddedQueueOptions options, QueueWriter writer)
    {
        Path = path;
        Options = options;
        _writer = writer;
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    internal EmbeddedQueueOptions Options { get; }

    internal CancellationToken Closing => _closing.Token;

    /// <summary>Opens (creating when missing) the database that <paramref name="options"/> names.</summary>
    /// <exception cref="InvalidOperationException">The file is not a queue database this version can use.</exception>
    public static EmbeddedQueueDatabase Open(EmbeddedQueueOptions? options = null)
    {
        options ??= new EmbeddedQueueOptions();
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BusyTimeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(options.TimeProvider);

        var path = System.IO.Path.GetFullPath(options.DatabasePath);
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var commands = QueueCommands.Open(path, options.BusyTimeout);
        var writer = new QueueWriter(commands, options.TimeProvider, options.SyncEveryCommit, System.IO.Path.GetFileName(path));
        return new EmbeddedQueueDatabase(path, options, writer);
    }

    /// <summary>
    /// A view of the queue named <paramref name="name"/>, created in the database on first use. With
    /// <paramref name="redrive"/>, messages received too often move to its dead-letter queue, another queue of this
    /// database. Views are cheap and need no disposal; the policy belongs to the view, as it belongs to each
    /// process's configuration when several processes share the file.
    /// </summary>
    public IQueueSource GetQueue(string name, RedrivePolicy? redrive = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        if (redrive is not null && string.Equals(redrive.DeadLetterQueue, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Queue '{name}' cannot be its own dead-letter queue.", nameof(redrive));
        }

        var deadLetter = redrive is null ? null : Handle(redrive.DeadLetterQueue);
        return new EmbeddedQueue(this, Handle(name), redrive, deadLetter);
    }

    /// <summary>Finishes the writes already queued, wakes waiting receivers and closes the file.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (_closing.IsCancellationRequested)
        {
            return;
        }

        // Wakes long-polling receivers, whose next attempt then reports the disposal. The source is never disposed:
        // it holds no timer, and a disposed one would throw from receivers that still read its token.
        _closing.Cancel();
        _writer.Dispose();
    }

    internal Task<T> Submit<T>(WriteOperation<T> operation) => _writer.Submit(operation);

    private QueueHandle Handle(string name)
        => _handles.GetOrAdd(name, static (key, self) => new(() =>
        {
            // Blocking here is safe: the writer is a dedicated thread that never waits on callers. PublicationOnly
            // lets a failed first attempt be retried; a race resolves the same id twice and keeps one.
            var id = self.Submit(new ResolveQueueOperation(key)).GetAwaiter().GetResult();
            return new QueueHandle(key, id, new QueueSignal());
        }, LazyThreadSafetyMode.PublicationOnly), this).Value;
}
