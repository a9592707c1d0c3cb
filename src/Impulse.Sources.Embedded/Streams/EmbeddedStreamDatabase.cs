using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using static Impulse.Sources.Embedded.SqliteStatements;

namespace Impulse.Sources.Embedded.Streams;

/// <summary>
/// One SQLite database file that holds an app's streams and their consumers' checkpoints, durable across restarts.
/// Open it once per process and file; every stream opened from it shares its one connection.
/// </summary>
/// <remarks>
/// Streams are written far less than queues (a put per record, a checkpoint per batch, no per-record receives or
/// deletes), so a lock around one connection serves them without the queue database's writer thread.
/// </remarks>
public sealed class EmbeddedStreamDatabase : IAsyncDisposable, IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly ConcurrentDictionary<string, EmbeddedStream> _streams = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _closing = new();

    private EmbeddedStreamDatabase(string path, SqliteConnection connection, EmbeddedQueueOptions options)
    {
        Path = path;
        _connection = connection;
        Options = options;
        Puts = new PutBatcher(this);
    }

    /// <summary>The full path of the database file.</summary>
    public string Path { get; }

    internal EmbeddedQueueOptions Options { get; }

    internal CancellationToken Closing => _closing.Token;

    internal PutBatcher Puts { get; }

    /// <summary>Opens (creating when missing) the stream database at <paramref name="path"/>; the options give its clock,
    /// busy timeout and how often a waiting read looks for records put by another process.</summary>
    /// <exception cref="InvalidOperationException">The file is not a stream database this version can use.</exception>
    public static EmbeddedStreamDatabase Open(string path, EmbeddedQueueOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new EmbeddedQueueOptions();
        var full = System.IO.Path.GetFullPath(path);
        if (System.IO.Path.GetDirectoryName(full) is { Length: > 0 } folder)
            Directory.CreateDirectory(folder);

        SqliteNative.EnsureInitialized();
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // As the queue database: no pool, so disposing really closes the file.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}");
            var mode = Scalar(connection, "PRAGMA journal_mode = WAL");
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"The stream database '{full}' could not switch to WAL mode (it is in '{mode}' mode).");
            // FULL: a put the caller was told is stored, and a checkpoint that let the shard move on, must survive a
            // power loss, not only a killed process (see the queue database on FULL versus NORMAL).
            Execute(connection, "PRAGMA synchronous = FULL");
            using (var transaction = connection.BeginTransaction(deferred: false))
            {
                Execute(connection, StreamSchema.Create, transaction);
                var version = Convert.ToInt64(Scalar(connection, "PRAGMA user_version", transaction), System.Globalization.CultureInfo.InvariantCulture);
                if (version > StreamSchema.Version)
                    throw new InvalidOperationException($"The stream database '{full}' has schema version {version}, newer than this Impulse understands ({StreamSchema.Version}).");
                Execute(connection, $"PRAGMA user_version = {StreamSchema.Version}", transaction);
                transaction.Commit();
            }
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new EmbeddedStreamDatabase(full, connection, options);
    }

    /// <summary>
    /// The stream named <paramref name="name"/>, created with <paramref name="shardCount"/> shards on first use; an
    /// existing stream keeps the shard count it was created with, so its keys stay on their shards.
    /// </summary>
    public IStreamSource GetStream(string name, int shardCount = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(shardCount, 1);
        ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
        return _streams.GetOrAdd(name, static (key, state) =>
        {
            var (id, shards) = state.Self.Run(command =>
            {
                command.CommandText = StreamSchema.ResolveStream;
                command.Parameters.AddWithValue("$name", key);
                command.Parameters.AddWithValue("$shards", state.Shards);
                using var reader = command.ExecuteReader();
                reader.Read();
                return (reader.GetInt64(0), reader.GetInt32(1));
            });
            return new EmbeddedStream(state.Self, key, id, shards);
        }, (Self: this, Shards: shardCount));
    }

    /// <summary>Wakes waiting reads and closes the file.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing.IsCancellationRequested)
                return;
            _closing.Cancel();
            _connection.Dispose();
        }
    }

    /// <summary>Runs one statement on the shared connection; statements of concurrent callers take turns.</summary>
    internal T Run<T>(Func<SqliteCommand, T> statement)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            using var command = _connection.CreateCommand();
            return statement(command);
        }
    }

    /// <summary>Runs statements in one transaction on the shared connection, committed before it returns.</summary>
    internal T RunInTransaction<T>(Func<SqliteConnection, SqliteTransaction, T> statements)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing.IsCancellationRequested, this);
            using var transaction = _connection.BeginTransaction(deferred: false);
            var result = statements(_connection, transaction);
            transaction.Commit();
            return result;
        }
    }
}
