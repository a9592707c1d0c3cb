using System.Linq;
using System.Collections.Immutable;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Reports what is wrong with each <c>[Function]</c> method: its name, its settings and its handler.
/// It asks the same rules the generator asks (<see cref="FunctionRules"/>, <see cref="FunctionParser"/>,
/// <see cref="HandlerInspector"/>), so every function the generator skips gets at least one error here.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.InvalidFunctionName,
        DiagnosticDescriptors.HandlerNotAccessible,
        DiagnosticDescriptors.GenericHandler,
        DiagnosticDescriptors.AsyncVoidHandler,
        DiagnosticDescriptors.UnsupportedParameter,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.MemoryOutOfRange,
        DiagnosticDescriptors.TimeoutOutOfRange,
        DiagnosticDescriptors.NoSerializer,
        DiagnosticDescriptors.NotConstructible,
        DiagnosticDescriptors.InvalidEnvironment,
        DiagnosticDescriptors.ContextDoesNotListType,
        DiagnosticDescriptors.ReservedConcurrencyOutOfRange,
    ];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Without the attribute type there can be no functions to check.
            if (start.Compilation.GetTypeByMetadataName(KnownNames.FunctionAttribute) is not { } functionAttribute)
                return;
            start.RegisterSymbolAction(symbol => AnalyzeMethod(symbol, functionAttribute), SymbolKind.Method);
        });
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, INamedTypeSymbol functionAttribute)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (FunctionDeclaration.Find(method, functionAttribute, context.CancellationToken) is not { } function)
            return;

        var name = FunctionParser.NameOf(function.Attribute);
        if (!FunctionRules.IsValidName(name))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidFunctionName, function.NameLocation, FunctionMessages.Quote(name), FunctionMessages.NameProblem(name)));
        }

        var settings = FunctionParser.ParseSettings(function.Attribute);
        foreach (var issue in FunctionParser.SettingsIssues(settings))
            context.ReportDiagnostic(SettingsDiagnostic(issue, settings, function));

        var inspection = HandlerInspector.Inspect(method, context.Compilation);
        foreach (var issue in inspection.Issues)
            context.ReportDiagnostic(HandlerDiagnostic(issue, inspection, function, context.Compilation));
        ReportTypesTheContextMisses(context, method, function, inspection);
    }

    /// <summary>
    /// A named context that lacks a type is most likely an oversight: the type still works, through
    /// generated code, but not through the context the user asked for.
    /// </summary>
    private static void ReportTypesTheContextMisses(SymbolAnalysisContext context, IMethodSymbol method, FunctionDeclaration function, HandlerInspection inspection)
    {
        if (HandlerInspector.SerializerContextOf(method) is not { } serializer || !HandlerInspector.IsSerializerContext(serializer))
            return;
        var contextName = serializer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (inspection.Event is { Codec: Model.ValueCodec.Generated } && inspection.EventType is { } eventType)
        {
            var index = method.Parameters.IndexOf(method.Parameters.First(p => SymbolEqualityComparer.Default.Equals(p.Type, eventType)));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContextDoesNotListType, function.ParameterTypeLocation(index),
                eventType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), contextName, method.Name));
        }
        if (inspection.Result is { Codec: Model.ValueCodec.Generated } && inspection.ResultType is { } resultType)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContextDoesNotListType, function.ReturnTypeLocation,
                resultType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), contextName, method.Name));
        }
    }

    private static Diagnostic SettingsDiagnostic(HandlerIssue issue, Model.FunctionSettingsModel settings, FunctionDeclaration function) =>
        issue.Kind switch
        {
            HandlerIssueKind.MemoryOutOfRange => Diagnostic.Create(
                DiagnosticDescriptors.MemoryOutOfRange, function.NamedArgumentLocation("MemoryMb"), settings.MemoryMb),
            HandlerIssueKind.TimeoutOutOfRange => Diagnostic.Create(
                DiagnosticDescriptors.TimeoutOutOfRange, function.NamedArgumentLocation("TimeoutSeconds"), settings.TimeoutSeconds),
            HandlerIssueKind.ReservedConcurrencyOutOfRange => Diagnostic.Create(
                DiagnosticDescriptors.ReservedConcurrencyOutOfRange, function.NamedArgumentLocation("ReservedConcurrency"), settings.ReservedConcurrency),
            HandlerIssueKind.InvalidEnvironment => Diagnostic.Create(
                DiagnosticDescriptors.InvalidEnvironment, function.NamedArgumentLocation("Environment"), issue.Detail),
            _ => throw new System.InvalidOperationException($"No diagnostic for settings issue {issue.Kind}."),
        };

    private static Diagnostic HandlerDiagnostic(HandlerIssue issue, HandlerInspection inspection, FunctionDeclaration function, Compilation compilation)
    {
        var method = function.Method;
        var index = issue.ParameterIndex;
        switch (issue.Kind)
        {
            case HandlerIssueKind.Inaccessible:
                return Diagnostic.Create(DiagnosticDescriptors.HandlerNotAccessible, function.IdentifierLocation, function.DisplayName, issue.Detail);
            case HandlerIssueKind.Generic:
                return Diagnostic.Create(DiagnosticDescriptors.GenericHandler, function.IdentifierLocation, function.DisplayName, FunctionMessages.GenericProblem(method));
            case HandlerIssueKind.AsyncVoid:
                return Diagnostic.Create(DiagnosticDescriptors.AsyncVoidHandler, function.IdentifierLocation, function.DisplayName);
            case HandlerIssueKind.UnsupportedParameter:
                return Diagnostic.Create(DiagnosticDescriptors.UnsupportedParameter, function.ParameterLocation(index), method.Parameters[index].Name, issue.Detail);
            case HandlerIssueKind.UnsupportedReturn:
                var reason = method.ReturnsByRef || method.ReturnsByRefReadonly
                    ? "a handler cannot return by reference"
                    : $"'{issue.Detail}' cannot be written as JSON";
                return Diagnostic.Create(DiagnosticDescriptors.UnsupportedReturnType, function.ReturnTypeLocation, function.Declaration.ReturnType.ToString(), reason);
            case HandlerIssueKind.NoSerializer:
                var type = index >= 0 ? method.Parameters[index].Type : inspection.ResultType!;
                var location = index >= 0 ? function.ParameterTypeLocation(index) : function.ReturnTypeLocation;
                var (reasons, serializer) = FunctionMessages.SerializerProblem(method, type, compilation);
                return Diagnostic.Create(DiagnosticDescriptors.NoSerializer, location, issue.Detail, reasons, serializer);
            case HandlerIssueKind.NotConstructible:
                return Diagnostic.Create(DiagnosticDescriptors.NotConstructible, function.IdentifierLocation, function.DisplayName, issue.Detail);
            default:
                // A new kind of issue needs a descriptor; failing loudly (AD0001) beats dropping it silently.
                throw new System.InvalidOperationException($"No diagnostic for handler issue {issue.Kind}.");
        }
    }
}
