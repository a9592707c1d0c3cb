using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Reports each class that implements <c>IFunctionsStartup</c> when there is more than one: the generator
/// cannot tell which to call and calls none (see <see cref="AppBuilder"/>), so services would go missing
/// at run time. It counts the classes <see cref="StartupParser"/> finds, by the same tests.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StartupAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.MultipleStartups];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.FunctionsStartup) is null)
                return;

            var startups = new ConcurrentBag<Startup>();
            start.RegisterSymbolAction(
                symbol =>
                {
                    var type = (INamedTypeSymbol)symbol.Symbol;
                    // The generator looks at class declarations whose base list names the interface.
                    var declarations = type.DeclaringSyntaxReferences
                        .Select(r => r.GetSyntax(symbol.CancellationToken))
                        .Where(node => StartupParser.MayBeStartup(node, symbol.CancellationToken))
                        .OfType<ClassDeclarationSyntax>()
                        .ToList();
                    if (declarations.Count > 0 && StartupParser.IsStartup(type))
                        startups.Add(new Startup(type.ToDisplayString(), declarations.Select(d => d.Identifier.GetLocation()).ToList()));
                },
                SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportIfSeveral(end, startups));
        });
    }

    private static void ReportIfSeveral(CompilationAnalysisContext context, ConcurrentBag<Startup> startups)
    {
        if (startups.Count < 2)
            return;
        var names = string.Join(", ", startups.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal));
        foreach (var startup in startups)
        {
            foreach (var location in startup.Locations)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MultipleStartups, location, startup.Name, names));
        }
    }

    private sealed record Startup(string Name, IReadOnlyList<Location> Locations);
}
