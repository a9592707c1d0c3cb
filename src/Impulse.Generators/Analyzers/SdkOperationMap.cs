using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// The map from AWS SDK operation to the IAM actions it needs, read from <c>SdkData/SdkOperations.tsv</c>,
/// which the analyzer assembly embeds. Data rather than code, so adding an operation is one line.
/// </summary>
internal sealed class SdkOperationMap
{
    private const string ResourceName = "Impulse.Generators.SdkOperations.tsv";

    private static readonly Lazy<SdkOperationMap> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, Dictionary<string, ImmutableArray<SdkPermissionRule>>> _byClient;

    private SdkOperationMap(IReadOnlyList<SdkPermissionRule> rules)
    {
        Rules = [.. rules];
        _byClient = rules
            .GroupBy(r => r.Client, StringComparer.Ordinal)
            .ToDictionary(
                client => client.Key,
                client => client.GroupBy(r => r.Operation, StringComparer.Ordinal).ToDictionary(op => op.Key, op => op.ToImmutableArray(), StringComparer.Ordinal),
                StringComparer.Ordinal);
        Services = rules.Select(r => r.Service).ToImmutableHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The map shipped with Impulse.</summary>
    public static SdkOperationMap Default => Embedded.Value;

    /// <summary>Every row, in file order.</summary>
    public ImmutableArray<SdkPermissionRule> Rules { get; }

    /// <summary>Full metadata names of the client interfaces the map covers.</summary>
    public IEnumerable<string> Clients => _byClient.Keys;

    /// <summary>The IAM service prefixes the map knows (<c>s3</c>, <c>sqs</c>…), compared ignoring case as IAM does.</summary>
    public ImmutableHashSet<string> Services { get; }

    /// <summary>The rows for <paramref name="operation"/> on <paramref name="client"/>, empty when the map does not know it.</summary>
    public ImmutableArray<SdkPermissionRule> RulesFor(string client, string operation) =>
        _byClient.TryGetValue(client, out var operations) && operations.TryGetValue(operation, out var rules) ? rules : [];

    /// <summary>
    /// Reads a map: tab-separated rows of client, operation, action, resource and an optional
    /// <c>|</c>-separated list of request properties; <c>#</c> starts a comment line.
    /// </summary>
    /// <exception cref="FormatException">A row that does not have that shape, named by its line number.</exception>
    public static SdkOperationMap Parse(TextReader reader)
    {
        var rules = new List<SdkPermissionRule>();
        var lineNumber = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                continue;
            rules.Add(ParseRow(line, lineNumber));
        }
        return new SdkOperationMap(rules);
    }

    private static SdkPermissionRule ParseRow(string line, int lineNumber)
    {
        var columns = line.Split('\t');
        if (columns.Length is < 4 or > 5)
            throw new FormatException($"SDK operation map line {lineNumber}: expected 4 or 5 tab-separated columns (client, operation, action, resource, when), found {columns.Length}.");
        if (columns.Take(4).Any(c => c.Trim().Length == 0))
            throw new FormatException($"SDK operation map line {lineNumber}: client, operation, action and resource must not be empty.");
        var action = columns[2];
        var colon = action.IndexOf(':');
        if (colon <= 0 || colon == action.Length - 1 || action.IndexOf(':', colon + 1) >= 0 || action.Contains("*"))
            throw new FormatException($"SDK operation map line {lineNumber}: action '{action}' is not one IAM action of the form service:Action.");
        var when = columns.Length == 5 && columns[4].Length > 0
            ? columns[4].Split('|').ToImmutableArray()
            : [];
        return new SdkPermissionRule(columns[0], columns[1], action, columns[3], when);
    }

    private static SdkOperationMap LoadEmbedded()
    {
        using var stream = typeof(SdkOperationMap).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The analyzer assembly does not embed {ResourceName}.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }
}
