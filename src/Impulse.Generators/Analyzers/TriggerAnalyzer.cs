using System.Collections.Immutable;
using Impulse.Scheduling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Checks what a trigger listens to, with the rules the local host applies when it runs: a schedule
/// that EventBridge would refuse is an error here, not a surprise at start-up or on deploy.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TriggerAnalyzer : DiagnosticAnalyzer
{
    private const int ScheduleSource = 4;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.InvalidScheduleExpression];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.PushTriggerAttribute) is not { } pushTrigger)
                return;
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, pushTrigger), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol pushTrigger)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, pushTrigger)
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not int source || source != ScheduleSource
                || attribute.ConstructorArguments[1].Value is not string expression)
            {
                continue;
            }
            if (ScheduleParser.TryParse(expression, out _, out var error))
                continue;

            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
            var location = syntax?.ArgumentList is { Arguments.Count: >= 2 } arguments
                ? arguments.Arguments[1].GetLocation()
                : syntax?.GetLocation() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidScheduleExpression, location, expression, error));
        }
    }
}
