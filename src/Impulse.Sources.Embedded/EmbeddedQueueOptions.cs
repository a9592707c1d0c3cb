namespace Impulse.Sources.Embedded;

/// <summary>Where the embedded queue database lives and how it waits and syncs.</summary>
public sealed class EmbeddedQueueOptions
{
    /// <summary>The default database file, relative to the app folder (the working directory of <c>dotnet run</c>).</summary>
    public const string DefaultDatabasePath = ".impulse/queues.db";

    /// <summary>The database file that holds every queue of the app; its folder is created when missing.</summary>
    public string DatabasePath { get; set; } = DefaultDatabasePath;

    /// <summary>
    /// How often a long-polling receive looks at the database while it waits. Sends from this process wake
    /// receivers at once; this interval only bounds how late a message sent by another process is noticed.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a write waits for another process that holds the database's write lock before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Flush every commit to disk, not only those that store sends. Off by default: a receive, delete or visibility
    /// change that a power loss undoes only redelivers a message, which at-least-once delivery allows, and each
    /// flush costs from a tenth of a millisecond to several milliseconds, depending on the disk.
    /// </summary>
    public bool SyncEveryCommit { get; set; }

    /// <summary>The clock for visibility timeouts, delays and timestamps; the system clock by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
