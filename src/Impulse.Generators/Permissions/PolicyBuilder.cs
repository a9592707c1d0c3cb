using System;
using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;

namespace Impulse.Generators.Permissions;

/// <summary>
/// Collects grants and turns them into an execution policy's statements: grants on the same resources
/// under the same condition become one statement with the union of their actions, duplicates vanish, and
/// the result is in ordinal order of Sid with each Sid unique.
/// </summary>
internal sealed class PolicyBuilder
{
    private readonly List<Grant> _grants = new();

    /// <summary>
    /// Adds a grant. <paramref name="sidHint"/> is what its statement's Sid is built from: when grants merge, a
    /// <paramref name="derived"/> grant's hint wins (the generator's, not the user's), then the ordinal first.
    /// </summary>
    public PolicyBuilder Add(string sidHint, IEnumerable<string> actions, IEnumerable<string> resources, string? condition, bool derived)
    {
        _grants.Add(new Grant(sidHint, actions.ToList(), resources.ToList(), condition, derived));
        return this;
    }

    public EquatableArray<PolicyStatementModel> Build()
    {
        var merged = _grants
            .Select(g => (Grant: g, Resources: Distinct(g.Resources)))
            .GroupBy(g => (string.Join("\n", g.Resources), g.Grant.Condition ?? string.Empty))
            .Select(group => new
            {
                Hint = group.OrderBy(g => g.Grant.Derived ? 0 : 1).ThenBy(g => g.Grant.SidHint, StringComparer.Ordinal).First().Grant.SidHint,
                Actions = Distinct(group.SelectMany(g => g.Grant.Actions)),
                group.First().Resources,
                group.First().Grant.Condition,
            })
            .Select(s => (Base: Sids.Pascal(s.Hint), Statement: s))
            .OrderBy(s => s.Base, StringComparer.Ordinal)
            .ThenBy(s => string.Join("\n", s.Statement.Resources), StringComparer.Ordinal)
            .ThenBy(s => s.Statement.Condition ?? string.Empty, StringComparer.Ordinal)
            .ToList();

        var sids = Sids.MakeUnique(merged.Select(s => s.Base).ToList());
        return merged
            .Select((s, i) => new PolicyStatementModel(sids[i], s.Statement.Actions.ToEquatableArray(), s.Statement.Resources.ToEquatableArray(), s.Statement.Condition))
            .OrderBy(s => s.Sid, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private static List<string> Distinct(IEnumerable<string> values) =>
        values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToList();

    private sealed record Grant(string SidHint, List<string> Actions, List<string> Resources, string? Condition, bool Derived);
}
