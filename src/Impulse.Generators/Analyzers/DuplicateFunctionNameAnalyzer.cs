using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Reports every <c>[Function]</c> name that more than one method uses. The generator emits none of
/// them (see <see cref="AppBuilder"/>), so each declaration gets the error, not just the second one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DuplicateFunctionNameAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.DuplicateFunctionName];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.FunctionAttribute) is not { } functionAttribute)
                return;

            // Names are only known to clash once every method has been seen, hence the end action.
            var declared = new ConcurrentBag<NamedFunction>();
            start.RegisterSymbolAction(
                symbol =>
                {
                    var function = FunctionDeclaration.Find((IMethodSymbol)symbol.Symbol, functionAttribute, symbol.CancellationToken);
                    // An invalid name is IMP0002's to report; counting it here too would only add noise.
                    if (function is not null && FunctionParser.NameOf(function.Attribute) is { } name && FunctionRules.IsValidName(name))
                        declared.Add(new NamedFunction(name, function.DisplayName, function.NameLocation));
                },
                SymbolKind.Method);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, declared));
        });
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<NamedFunction> declared)
    {
        foreach (var group in declared.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var function in group)
            {
                var others = group.Where(f => !ReferenceEquals(f, function))
                    .Select(f => f.Handler)
                    .OrderBy(h => h, StringComparer.Ordinal);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateFunctionName, function.Location, function.Name, string.Join(", ", others)));
            }
        }
    }

    private sealed record NamedFunction(string Name, string Handler, Location Location);
}
