using System.Globalization;
using Impulse.Tool.Cli;
using Microsoft.Data.Sqlite;

namespace Impulse.Tool.Registry;

internal sealed partial class FunctionRegistry
{
    /// <summary>Creates an alias; the function and every version it names must exist, the alias must not.</summary>
    public AliasRecord CreateAlias(string function, string alias, string version, int? additionalVersion, double? weight, string description) =>
        InTransaction(transaction =>
        {
            RequireFunction(function, transaction);
            if (FindAlias(function, alias, transaction) is not null)
                throw new UserErrorException($"Alias '{alias}' of '{function}' already exists: use 'impulse alias update'.");
            RequireTargets(function, alias, version, additionalVersion, weight, transaction);
            var now = Now();
            var record = new AliasRecord(function, alias, version, additionalVersion, weight, description, now, now);
            NonQuery("""
                INSERT INTO aliases (function, name, version, additional_version, weight, description, created, updated)
                VALUES ($function, $name, $version, $additional, $weight, $description, $now, $now)
                """, transaction,
                ("$function", function), ("$name", alias), ("$version", version), ("$additional", additionalVersion),
                ("$weight", weight), ("$description", description), ("$now", now));
            return record;
        });

    /// <summary>
    /// Changes an alias: its version when <paramref name="version"/> is given, its traffic split as
    /// <paramref name="routing"/> says (unchanged when null), its description when given.
    /// </summary>
    public AliasRecord UpdateAlias(string function, string alias, string? version, RoutingChange? routing, string? description) =>
        InTransaction(transaction =>
        {
            RequireFunction(function, transaction);
            var current = FindAlias(function, alias, transaction)
                ?? throw new UserErrorException($"Function '{function}' has no alias '{alias}'.");
            var newVersion = version ?? current.Version;
            var (additional, weight) = routing switch
            {
                null => (current.AdditionalVersion, current.Weight),
                { Clear: true } => ((int?)null, (double?)null),
                _ => (routing.AdditionalVersion, routing.Weight),
            };
            RequireTargets(function, alias, newVersion, additional, weight, transaction);
            var updated = current with
            {
                Version = newVersion,
                AdditionalVersion = additional,
                Weight = weight,
                Description = description ?? current.Description,
                Updated = Now(),
            };
            NonQuery("""
                UPDATE aliases SET version = $version, additional_version = $additional, weight = $weight,
                                   description = $description, updated = $updated
                WHERE function = $function AND name = $name
                """, transaction,
                ("$version", updated.Version), ("$additional", updated.AdditionalVersion), ("$weight", updated.Weight),
                ("$description", updated.Description), ("$updated", updated.Updated), ("$function", function), ("$name", alias));
            return updated;
        });

    /// <summary>Deletes an alias; an unknown one is an error.</summary>
    public void DeleteAlias(string function, string alias) => InTransaction(transaction =>
    {
        RequireFunction(function, transaction);
        if (FindAlias(function, alias, transaction) is null)
            throw new UserErrorException($"Function '{function}' has no alias '{alias}'.");
        NonQuery("DELETE FROM aliases WHERE function = $function AND name = $name", transaction, ("$function", function), ("$name", alias));
        return 0;
    });

    /// <summary>The function's aliases, in name order.</summary>
    public IReadOnlyList<AliasRecord> ListAliases(string function) => InTransaction(transaction =>
    {
        RequireFunction(function, transaction);
        return (IReadOnlyList<AliasRecord>)ReadAliases(function, transaction);
    });

    private void RequireTargets(string function, string alias, string version, int? additionalVersion, double? weight, SqliteTransaction transaction)
    {
        if (additionalVersion is { } additional)
            AliasRules.CheckRouting(alias, version, additional, weight ?? 0);
        if (version == AliasRules.Latest)
        {
            if (!ReadLatest(transaction).Any(l => l.Function == function))
                throw new UserErrorException($"Function '{function}' has no $LATEST: the last package does not contain it.");
        }
        else
        {
            RequireVersion(function, int.Parse(version, CultureInfo.InvariantCulture), transaction);
        }
        if (additionalVersion is { } second)
            RequireVersion(function, second, transaction);
    }

    private AliasRecord? FindAlias(string function, string alias, SqliteTransaction transaction) =>
        ReadAliases(function, transaction).FirstOrDefault(a => a.Name == alias);

    private List<AliasRecord> ReadAliases(string function, SqliteTransaction transaction)
    {
        using var command = Command("""
            SELECT name, version, additional_version, weight, description, created, updated
            FROM aliases WHERE function = $function ORDER BY name
            """, transaction, ("$function", function));
        using var reader = command.ExecuteReader();
        var records = new List<AliasRecord>();
        while (reader.Read())
        {
            records.Add(new AliasRecord(function, reader.GetString(0), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6)));
        }
        return records;
    }
}
