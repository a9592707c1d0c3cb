using Impulse.Tool.Cli;
using Impulse.Tool.Manifest;
using Impulse.Tool.Packaging;
using Microsoft.Data.Sqlite;

namespace Impulse.Tool.Registry;

internal sealed partial class FunctionRegistry
{
    /// <summary>
    /// Makes a stored package the <c>$LATEST</c> of every function its manifest lists; functions the app no
    /// longer has lose their <c>$LATEST</c> but keep their versions and their counter.
    /// </summary>
    public void SetLatest(PackageInfo package, AppManifest manifest) => InTransaction(transaction =>
    {
        WriteLatest(package, manifest, transaction);
        return 0;
    });

    private void WriteLatest(PackageInfo package, AppManifest manifest, SqliteTransaction transaction)
    {
        var now = Now();
        NonQuery("INSERT OR IGNORE INTO packages (code_sha256, size, created) VALUES ($sha, $size, $now)", transaction,
            ("$sha", package.CodeSha256), ("$size", package.Size), ("$now", now));
        NonQuery("DELETE FROM latest", transaction);
        foreach (var function in manifest.Functions)
        {
            NonQuery("INSERT OR IGNORE INTO functions (name, created) VALUES ($name, $now)", transaction,
                ("$name", function.Name), ("$now", now));
            NonQuery("""
                INSERT INTO latest (function, code_sha256, config_sha256, descriptor, updated)
                VALUES ($name, $code, $config, $descriptor, $now)
                """, transaction,
                ("$name", function.Name), ("$code", package.CodeSha256), ("$config", function.ConfigSha256),
                ("$descriptor", function.Json), ("$now", now));
        }
    }

    /// <summary>
    /// Publishes <c>$LATEST</c> of <paramref name="function"/> (or of every function) as the next version, or
    /// returns the last version when neither the code nor the configuration changed since, as Lambda does.
    /// Every function's package is checked before anything is written. With <paramref name="newLatest"/>, the
    /// package first becomes <c>$LATEST</c> in the same transaction, so no other publisher can slip in between.
    /// </summary>
    public IReadOnlyList<PublishOutcome> Publish(string? function, string description, (PackageInfo Package, AppManifest Manifest)? newLatest = null) => InTransaction(transaction =>
    {
        if (newLatest is { } replacement)
            WriteLatest(replacement.Package, replacement.Manifest, transaction);
        var latest = ReadLatest(transaction);
        if (latest.Count == 0)
            throw new UserErrorException("Nothing to publish: no package yet. Run 'impulse package' first.");
        if (function is not null)
        {
            RequireFunction(function, transaction);
            latest = latest.Where(l => l.Function == function).ToList();
            if (latest.Count == 0)
                throw new UserErrorException($"Function '{function}' has no $LATEST: the last package does not contain it.");
        }
        foreach (var code in latest.GroupBy(l => l.CodeSha256))
            ReadPackage(code.Key, code.First().Function);

        var now = Now();
        var outcomes = new List<PublishOutcome>();
        foreach (var current in latest)
        {
            var last = ReadVersions(current.Function, transaction).LastOrDefault();
            if (last is not null && last.CodeSha256 == current.CodeSha256 && last.ConfigSha256 == current.ConfigSha256)
            {
                outcomes.Add(new PublishOutcome(last, Created: false));
                continue;
            }
            var number = (int)Scalar<long>("SELECT next_version FROM functions WHERE name = $name", transaction, ("$name", current.Function));
            var version = new VersionRecord(current.Function, number, current.CodeSha256, current.ConfigSha256, description, current.Descriptor, now);
            NonQuery("""
                INSERT INTO versions (function, number, code_sha256, config_sha256, description, descriptor, created)
                VALUES ($name, $number, $code, $config, $description, $descriptor, $now)
                """, transaction,
                ("$name", version.Function), ("$number", version.Number), ("$code", version.CodeSha256), ("$config", version.ConfigSha256),
                ("$description", version.Description), ("$descriptor", version.Descriptor), ("$now", now));
            NonQuery("UPDATE functions SET next_version = $next WHERE name = $name", transaction,
                ("$next", number + 1), ("$name", current.Function));
            outcomes.Add(new PublishOutcome(version, Created: true));
        }
        return (IReadOnlyList<PublishOutcome>)outcomes;
    });

    /// <summary>The function's <c>$LATEST</c> (null when the last package lacks it) and its versions, oldest first.</summary>
    public (LatestRecord? Latest, IReadOnlyList<VersionRecord> Versions) ListVersions(string function) => InTransaction(transaction =>
    {
        RequireFunction(function, transaction);
        return (ReadLatest(transaction).FirstOrDefault(l => l.Function == function), ReadVersions(function, transaction));
    });

    /// <summary>Every function's <c>$LATEST</c>, in name order.</summary>
    public IReadOnlyList<LatestRecord> ListLatest() => InTransaction(ReadLatest);

    /// <summary>
    /// Deletes a version. Its number is never given again (the function's counter does not move back), and a
    /// version an alias points at is refused, as Lambda refuses it.
    /// </summary>
    public void DeleteVersion(string function, int number) => InTransaction(transaction =>
    {
        RequireFunction(function, transaction);
        RequireVersion(function, number, transaction);
        var users = ReadAliases(function, transaction)
            .Where(a => a.Version == number.ToString(System.Globalization.CultureInfo.InvariantCulture) || a.AdditionalVersion == number)
            .Select(a => a.Name)
            .ToList();
        if (users.Count > 0)
            throw new UserErrorException($"Version {number} of '{function}' is used by alias {string.Join(", ", users)}: point the alias elsewhere before deleting the version.");
        NonQuery("DELETE FROM versions WHERE function = $name AND number = $number", transaction, ("$name", function), ("$number", number));
        return 0;
    });

    private void RequireFunction(string function, SqliteTransaction transaction)
    {
        if (Scalar<string>("SELECT name FROM functions WHERE name = $name", transaction, ("$name", function)) is not null)
            return;
        var known = new List<string>();
        using (var command = Command("SELECT name FROM functions ORDER BY name", transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                known.Add(reader.GetString(0));
        }
        throw new UserErrorException(known.Count == 0
            ? $"Unknown function '{function}': the registry has no functions yet (run 'impulse package')."
            : $"Unknown function '{function}': the registry has {string.Join(", ", known)}.");
    }

    private void RequireVersion(string function, int number, SqliteTransaction transaction)
    {
        if (Scalar<long?>("SELECT number FROM versions WHERE function = $name AND number = $number", transaction, ("$name", function), ("$number", number)) is null)
            throw new UserErrorException($"Function '{function}' has no version {number}.");
    }

    private List<LatestRecord> ReadLatest(SqliteTransaction transaction)
    {
        using var command = Command("SELECT function, code_sha256, config_sha256, descriptor, updated FROM latest ORDER BY function", transaction);
        using var reader = command.ExecuteReader();
        var records = new List<LatestRecord>();
        while (reader.Read())
            records.Add(new LatestRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return records;
    }

    private List<VersionRecord> ReadVersions(string function, SqliteTransaction transaction)
    {
        using var command = Command("""
            SELECT number, code_sha256, config_sha256, description, descriptor, created
            FROM versions WHERE function = $name ORDER BY number
            """, transaction, ("$name", function));
        using var reader = command.ExecuteReader();
        var records = new List<VersionRecord>();
        while (reader.Read())
        {
            records.Add(new VersionRecord(function, reader.GetInt32(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5)));
        }
        return records;
    }
}
