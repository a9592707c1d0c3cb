
namespace Impulse.Sources.Embedded.Tests.Infrastructure;

/// <summary>A queue database in a fresh temporary folder, deleted with it.</summary>
internal sealed class TestDatabase : IConformanceQueues
{
    private readonly List<EmbeddedQueueDatabase> _otherConnections = [];

    private TestDatabase(string folder, EmbeddedQueueOptions options)
    {
        Folder = folder;
        Options = options;
        Database = EmbeddedQueueDatabase.Open(options);
    }

    public string Folder { get; }

    public EmbeddedQueueOptions Options { get; }

    public string Path => Options.DatabasePath;

    public EmbeddedQueueDatabase Database { get; private set; }

    /// <param name="pollInterval">How often long polls look for other processes' sends; long by default, so a test
    /// that sees a prompt wake-up knows the in-process signal did it.</param>
    public static TestDatabase Create(TimeSpan? pollInterval = null)
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "impulse-queue-tests", Guid.NewGuid().ToString("N"));
        return new TestDatabase(folder, new EmbeddedQueueOptions
        {
            DatabasePath = System.IO.Path.Combine(folder, ".impulse", "queues.db"),
            PollInterval = pollInterval ?? TimeSpan.FromSeconds(30),
        });
    }

    public IQueueSource Queue(string name = "orders", RedrivePolicy? redrive = null) => Database.GetQueue(name, redrive);

    /// <summary>The queue through a second database instance on the same file: separate connections and writer
    /// threads, so only SQLite's own locking keeps it apart from <see cref="Queue"/>.</summary>
    public IQueueSource QueueOnAnotherConnection(string name = "orders")
    {
        var other = EmbeddedQueueDatabase.Open(Options);
        _otherConnections.Add(other);
        return other.GetQueue(name);
    }

    /// <summary>Closes the database and opens the same file again, as a restarted app would.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Database = EmbeddedQueueDatabase.Open(Options);
    }

    public ValueTask DisposeAsync()
    {
        foreach (var other in _otherConnections)
        {
            other.Dispose();
        }

        Database.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder fails no test.
        }

        return ValueTask.CompletedTask;
    }
}
