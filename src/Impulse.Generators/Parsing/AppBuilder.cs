using System;
using System.Collections.Immutable;
using System.Linq;
using Impulse.Generators.Model;

namespace Impulse.Generators.Parsing;

/// <summary>Assembles the app from its parsed parts: functions in ordinal order, duplicates left to the analyzer.</summary>
internal static class AppBuilder
{
    public static AppModel Build(ImmutableArray<FunctionModel> functions, ImmutableArray<string?> startups, GeneratorOptions options, JsonOptionsModel jsonOptions)
    {
        // A duplicated name is an error the analyzer reports on each declaration; emitting either
        // would only add a second, confusing error in generated code.
        var unique = functions
            .GroupBy(f => f.Name, StringComparer.Ordinal)
            .Where(g => g.Count() == 1)
            .Select(g => g.First())
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToEquatableArray();

        // Functions share types; each type's reader and writer is emitted once.
        var jsonTypes = unique
            .SelectMany(f => f.Handler.JsonTypes)
            .GroupBy(t => t.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToEquatableArray();

        var startup = startups.Where(s => s is not null).Distinct().ToList();
        return new AppModel(unique, startup.Count == 1 ? startup[0] : null, options.EmitEntryPoint, options.LocalHost, jsonTypes, jsonOptions, options.Architecture);
    }
}
