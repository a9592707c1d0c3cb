using System.Globalization;
using Impulse.Tool.Cli;
using Impulse.Tool.Packaging;
using Microsoft.Data.Sqlite;

namespace Impulse.Tool.Registry;

/// <summary>
/// The registry of an app's functions, versions and aliases: one SQLite database and a folder of packages
/// stored by content hash. Every change runs in one <c>BEGIN IMMEDIATE</c> transaction, so concurrent tools
/// queue for the write lock (WAL, a busy timeout) instead of reading a number another is about to take.
/// A command that fails changes nothing.
/// </summary>
internal sealed partial class FunctionRegistry : IDisposable
{
    /// <summary>The database file's name inside the registry folder.</summary>
    public const string DatabaseFileName = "registry.db";

    /// <summary>The folder of packages inside the registry folder.</summary>
    public const string PackagesFolder = "packages";

    /// <summary>How long a command waits for another's write lock before it gives up.</summary>
    private const int BusyTimeoutSeconds = 60;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;

    private FunctionRegistry(string directory, SqliteConnection connection, TimeProvider time)
    {
        Directory = directory;
        _connection = connection;
        _time = time;
    }

    /// <summary>The registry folder.</summary>
    public string Directory { get; }

    /// <summary>Opens the registry in <paramref name="directory"/>, creating it when it is new.</summary>
    public static FunctionRegistry Open(string directory, TimeProvider? time = null)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, PackagesFolder));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, DatabaseFileName),
            // A short-lived tool gains nothing from a pool, and a pooled handle would outlive the command.
            Pooling = false,
            DefaultTimeout = BusyTimeoutSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutSeconds * 1000};");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            var registry = new FunctionRegistry(directory, connection, time ?? TimeProvider.System);
            registry.CreateSchema();
            return registry;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new UserErrorException($"The registry '{directory}' cannot be opened: {e.Message}");
        }
    }

    /// <summary>Closes the database.</summary>
    public void Dispose() => _connection.Dispose();

    private void CreateSchema()
    {
        InTransaction(transaction =>
        {
            Execute(_connection, RegistrySchema.Create, transaction);
            var stored = Scalar<string>("SELECT value FROM registry_info WHERE key = 'schema'", transaction);
            if (stored is null)
            {
                NonQuery("INSERT INTO registry_info (key, value) VALUES ('schema', $v)", transaction, ("$v", RegistrySchema.Version.ToString(CultureInfo.InvariantCulture)));
            }
            else if (int.Parse(stored, CultureInfo.InvariantCulture) > RegistrySchema.Version)
            {
                throw new UserErrorException($"The registry '{Directory}' was written by a newer impulse tool (schema {stored}); update the tool.");
            }
            return 0;
        });
    }

    /// <summary>
    /// Copies a package into the store under its hash (a temporary file first, then a rename, so a reader
    /// never sees half a package) and returns its identity. The database row is added by the caller's transaction.
    /// </summary>
    public PackageInfo StorePackage(string zipPath)
    {
        var package = DeploymentPackage.Describe(zipPath);
        var target = PackagePath(package.CodeSha256);
        if (File.Exists(target) && CodeSha256.OfFile(target) == package.CodeSha256)
            return package with { Path = target };
        var temporary = $"{target}.{Environment.ProcessId}.tmp";
        File.Copy(zipPath, temporary, overwrite: true);
        File.Move(temporary, target, overwrite: true);
        return package with { Path = target };
    }

    /// <summary>The stored package with <paramref name="codeSha256"/>, after checking that its bytes still have that hash.</summary>
    public string ReadPackage(string codeSha256, string function)
    {
        var path = PackagePath(codeSha256);
        if (!File.Exists(path))
            throw new UserErrorException($"The package {codeSha256} of '{function}' is missing from '{Path.Combine(Directory, PackagesFolder)}': run 'impulse package' again.");
        var actual = CodeSha256.OfFile(path);
        if (actual != codeSha256)
            throw new UserErrorException($"The package {codeSha256} of '{function}' is corrupt: its bytes hash to {actual}. Run 'impulse package' again.");
        return path;
    }

    /// <summary>Runs the database's own consistency check; "ok" when the file is sound.</summary>
    public string IntegrityCheck() => Scalar<string>("PRAGMA integrity_check", null) ?? "no answer";

    private string PackagePath(string codeSha256) =>
        Path.Combine(Directory, PackagesFolder, CodeSha256.ToFileName(codeSha256) + ".zip");

    private string Now() => _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Runs <paramref name="work"/> in a <c>BEGIN IMMEDIATE</c> transaction: committed when it returns, rolled back when it throws.</summary>
    private T InTransaction<T>(Func<SqliteTransaction, T> work)
    {
        // deferred: false is BEGIN IMMEDIATE: the write lock is taken up front, so two publishers never both
        // read the same next number; the busy timeout makes the second one wait for the first.
        using var transaction = _connection.BeginTransaction(deferred: false);
        var result = work(transaction);
        transaction.Commit();
        return result;
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private void NonQuery(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        command.ExecuteNonQuery();
    }

    private T? Scalar<T>(string sql, SqliteTransaction? transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, transaction, parameters);
        var value = command.ExecuteScalar();
        if (value is null or DBNull)
            return default;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }
}
