using Microsoft.Data.Sqlite;
using static Impulse.Sources.Embedded.SqliteStatements;

namespace Impulse.Sources.Embedded;

/// <summary>
/// The database connection and one prepared command per statement, reused for every execution so SQLite parses
/// each statement once. Used only by the writer thread, which is what makes sharing them safe.
/// </summary>
internal sealed class QueueCommands : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly List<SqliteCommand> _all = [];

    private QueueCommands(SqliteConnection connection)
    {
        _connection = connection;
        Begin = Prepare("BEGIN IMMEDIATE");
        Commit = Prepare("COMMIT");
        Rollback = Prepare("ROLLBACK");
        ResolveQueue = Prepare(QueueSchema.ResolveQueue, "$name");
        Insert = Prepare(QueueSchema.Insert, "$queue", "$message_id", "$body", "$attributes", "$now", "$visible_at");
        CopyToDeadLetter = Prepare(QueueSchema.CopyToDeadLetter, "$queue", "$now", "$limit", "$dead_letter", "$source", "$max_receives");
        DeleteMovedToDeadLetter = Prepare(QueueSchema.DeleteMovedToDeadLetter, "$queue", "$now", "$limit", "$max_receives");
        Receive = Prepare(QueueSchema.Receive, "$queue", "$now", "$limit", "$max_receives", "$visible_until");
        NextVisible = Prepare(QueueSchema.NextVisible, "$queue", "$now");
        Delete = Prepare(QueueSchema.Delete, "$queue", "$seq", "$receipt");
        ChangeVisibility = Prepare(QueueSchema.ChangeVisibility, "$queue", "$seq", "$receipt", "$visible_at");
        Statistics = Prepare(QueueSchema.Statistics, "$queue", "$now");
    }

    public SqliteCommand Begin { get; }
    public SqliteCommand Commit { get; }
    public SqliteCommand Rollback { get; }
    public SqliteCommand ResolveQueue { get; }
    public SqliteCommand Insert { get; }
    public SqliteCommand CopyToDeadLetter { get; }
    public SqliteCommand DeleteMovedToDeadLetter { get; }
    public SqliteCommand Receive { get; }
    public SqliteCommand NextVisible { get; }
    public SqliteCommand Delete { get; }
    public SqliteCommand ChangeVisibility { get; }
    public SqliteCommand Statistics { get; }

    /// <summary>Whether a transaction is open, for example after a statement failed inside one.</summary>
    public bool InTransaction => _connection.Handle is { } db && SQLitePCL.raw.sqlite3_get_autocommit(db) == 0;

    /// <summary>Opens the database file, switches it to WAL and creates the tables when missing.</summary>
    public static QueueCommands Open(string path, TimeSpan busyTimeout)
    {
        SqliteNative.EnsureInitialized();
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // The writer keeps this one connection for the database's lifetime; a pooled connection would keep
            // the file open after dispose, which a reopen, a delete or a test's cleanup would trip over.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds}");
            // WAL lets a commit append to one file instead of rewriting pages twice, and lets another process read
            // while this one writes. The mode is stored in the file, so every later opener uses it too.
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"The queue database '{path}' could not switch to WAL mode (it is in '{mode}' mode).");
            }

            // Why FULL and not NORMAL, which the SQLite docs suggest for WAL: both write the commit to the WAL file
            // before COMMIT returns, so both survive the process being killed (the data is in the OS's page cache).
            // NORMAL skips the fsync, so a power loss or kernel crash can roll back the last commits: a send the
            // caller was told is stored would vanish, which is the one thing a queue must not do. FULL fsyncs the
            // WAL at every commit. The writer keeps FULL for every commit that stores sends and lowers it to NORMAL
            // for commits of receives, deletes and visibility changes only (see QueueWriter), unless
            // EmbeddedQueueOptions.SyncEveryCommit asks for FULL throughout.
            Execute(connection, "PRAGMA synchronous = FULL");
            // Checkpoints then truncate the WAL instead of letting one burst leave a large file behind for good.
            Execute(connection, "PRAGMA journal_size_limit = 67108864");
            Execute(connection, "PRAGMA foreign_keys = OFF");
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                Execute(connection, QueueSchema.Create, transaction);
                var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version", transaction), System.Globalization.CultureInfo.InvariantCulture);
                if (version > QueueSchema.Version)
                {
                    throw new InvalidOperationException(
                        $"The queue database '{path}' has schema version {version}, newer than this Impulse understands ({QueueSchema.Version}).");
                }

                Execute(connection, $"PRAGMA user_version = {QueueSchema.Version}", transaction);
                transaction.Commit();
            }

            return new QueueCommands(connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sets <c>PRAGMA synchronous</c> to FULL or NORMAL, outside a transaction.</summary>
    /// <remarks>Not a prepared command, on purpose: SQLite applies this pragma while it compiles the statement, and
    /// running a compiled one again does nothing. A prepared pair would leave the setting at whichever was compiled last.</remarks>
    public void SetSynchronous(bool full) => Execute(_connection, full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");

    /// <summary>Sets the values of a prepared command's parameters, in the order they were declared.</summary>
    public static void Bind(SqliteCommand command, object? p0, object? p1 = null, object? p2 = null, object? p3 = null, object? p4 = null, object? p5 = null)
    {
        var parameters = command.Parameters;
        Span<object?> values = [p0, p1, p2, p3, p4, p5];
        for (var i = 0; i < parameters.Count; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql, params ReadOnlySpan<string> parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        _all.Add(command);
        return command;
    }
}
