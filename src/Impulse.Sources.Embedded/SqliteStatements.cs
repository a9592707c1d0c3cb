using Microsoft.Data.Sqlite;

namespace Impulse.Sources.Embedded;

/// <summary>One-off statements (schema set-up, pragmas, counts) that are not worth a prepared command.</summary>
internal static class SqliteStatements
{
    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }
}
