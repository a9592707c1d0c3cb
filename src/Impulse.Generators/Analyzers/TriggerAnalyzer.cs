using System.Collections.Immutable;
using System.Linq;
using Impulse.Scheduling;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Checks what a trigger listens to, with the rules the local host applies when it runs: a schedule
/// that EventBridge would refuse is an error here, not a surprise at start-up or on deploy, and so is a
/// DynamoDB stream handler whose event type no stream record can be read as.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TriggerAnalyzer : DiagnosticAnalyzer
{
    private const int ScheduleSource = 4;
    private const int DynamoDbStreamSource = 2;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.InvalidScheduleExpression, DiagnosticDescriptors.DynamoDbStreamEventType];

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
            if (DynamoDbStreamTypes.Create(start.Compilation) is { } dynamoDb)
                start.RegisterSymbolAction(symbol => AnalyzeDynamoDbStreamHandler(symbol, dynamoDb), SymbolKind.Method);
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

    private static void AnalyzeDynamoDbStreamHandler(SymbolAnalysisContext context, DynamoDbStreamTypes types)
    {
        var method = (IMethodSymbol)context.Symbol;
        var listensToTableStream = method.GetAttributes().Any(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.PullTrigger)
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value is int source && source == DynamoDbStreamSource);
        if (!listensToTableStream)
            return;

        foreach (var parameter in method.Parameters)
        {
            var type = parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
            if (types.IsReadable(type) || types.IsInfrastructure(type))
                continue;
            var syntax = parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as ParameterSyntax;
            var location = syntax?.Type?.GetLocation() ?? parameter.Locations.FirstOrDefault() ?? Location.None;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DynamoDbStreamEventType, location,
                method.Name, parameter.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }
    }

    /// <summary>The types a DynamoDB stream handler may take, resolved once per compilation.</summary>
    private sealed class DynamoDbStreamTypes(INamedTypeSymbol pullTrigger, ImmutableArray<INamedTypeSymbol> readable, ImmutableArray<INamedTypeSymbol> infrastructure)
    {
        public INamedTypeSymbol PullTrigger => pullTrigger;

        /// <summary>What a table's change stream can be read as: the batch, one record, or raw JSON.</summary>
        public bool IsReadable(ITypeSymbol type) => readable.Any(t => SymbolEqualityComparer.Default.Equals(t, type));

        /// <summary>The context and the cancellation token, which every handler may take besides its event.</summary>
        public bool IsInfrastructure(ITypeSymbol type) => infrastructure.Any(t => SymbolEqualityComparer.Default.Equals(t, type));

        public static DynamoDbStreamTypes? Create(Compilation compilation)
        {
            var pullTrigger = compilation.GetTypeByMetadataName(KnownNames.PullTriggerAttribute);
            var batch = compilation.GetTypeByMetadataName(KnownNames.DynamoDbEvent);
            var record = compilation.GetTypeByMetadataName(KnownNames.DynamoDbEventRecord);
            var json = compilation.GetTypeByMetadataName(KnownNames.JsonElement);
            var context = compilation.GetTypeByMetadataName(KnownNames.FunctionContext);
            var cancel = compilation.GetTypeByMetadataName(KnownNames.CancellationToken);
            if (pullTrigger is null || batch is null || record is null || context is null || cancel is null)
                return null;
            ImmutableArray<INamedTypeSymbol> readable = json is null ? [batch, record] : [batch, record, json];
            return new DynamoDbStreamTypes(pullTrigger, readable, [context, cancel]);
        }
    }
}
