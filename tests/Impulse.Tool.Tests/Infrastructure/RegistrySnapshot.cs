using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>
/// Everything a registry holds, as text: every row of every table and every stored package with its hash.
/// Two snapshots are equal exactly when a command changed nothing.
/// </summary>
public static class RegistrySnapshot
{
    /// <summary>The registry in <paramref name="directory"/>, rendered in a fixed order.</summary>
    public static string Take(string directory)
    {
        var text = new StringBuilder();
        using (var connection = Open(directory))
        {
            foreach (var table in Tables(connection))
            {
                text.AppendLine($"[{table}]");
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                    text.AppendLine(string.Join(" | ", values));
                }
            }
        }
        text.AppendLine("[package files]");
        foreach (var file in Directory.GetFiles(Path.Combine(directory, "packages")).Order(StringComparer.Ordinal))
            text.AppendLine($"{Path.GetFileName(file)} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}");
        return text.ToString();
    }

    /// <summary>SQLite's own check of the database file: "ok" when it is sound.</summary>
    public static string IntegrityCheck(string directory)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>One function's version numbers, in order.</summary>
    public static IReadOnlyList<long> VersionNumbers(string directory, string function)
    {
        using var connection = Open(directory);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT number FROM versions WHERE function = $f ORDER BY number";
        command.Parameters.AddWithValue("$f", function);
        using var reader = command.ExecuteReader();
        var numbers = new List<long>();
        while (reader.Read())
            numbers.Add(reader.GetInt64(0));
        return numbers;
    }

    private static SqliteConnection Open(string directory)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "registry.db"),
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static List<string> Tables(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
            tables.Add(reader.GetString(0));
        return tables;
    }
}
