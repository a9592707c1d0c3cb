using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Compares what a function's code does through the AWS SDK with the <c>[ExecutionPermission]</c>s it declares:
/// an SDK call whose IAM action is not declared is IMP0021, a declared action no call uses is IMP0022.
/// Calls count in the function and in the methods of the same compilation it calls.
/// </summary>
/// <remarks>
/// Each method body is read once, by an operation action, into a <see cref="SdkCallGraph"/>; the check runs at
/// compilation end over that graph, because a helper's body may be analysed after the function that calls it.
/// A compilation that references no SDK client the map knows costs one type lookup per client.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkPermissionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        [DiagnosticDescriptors.UndeclaredSdkPermission, DiagnosticDescriptors.UnusedExecutionPermission];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            if (compilation.GetTypeByMetadataName(KnownNames.FunctionAttribute) is not { } functionAttribute
                || compilation.GetTypeByMetadataName(KnownNames.ExecutionPermissionAttribute) is not { } executionPermission
                || SdkClients.In(compilation, SdkOperationMap.Default) is not { } clients)
            {
                return;
            }

            var graph = new SdkCallGraph();
            var functions = new ConcurrentBag<IMethodSymbol>();
            start.RegisterOperationAction(operation => Record(operation, clients, graph, compilation.Assembly), OperationKind.Invocation);
            // Property accessors and constructors are methods too: a helper property may be what makes the SDK call.
            start.RegisterOperationAction(operation => RecordImplicitCall(operation, graph, compilation.Assembly), OperationKind.PropertyReference, OperationKind.ObjectCreation);
            start.RegisterSymbolAction(
                symbol =>
                {
                    var method = (IMethodSymbol)symbol.Symbol;
                    if (IsFunction(method, functionAttribute))
                        functions.Add(method);
                    graph.AddImplementation(method, compilation.Assembly);
                },
                SymbolKind.Method);
            start.RegisterCompilationEndAction(end => SdkPermissionCheck.Report(end, graph, functions, functionAttribute, executionPermission));
        });
    }

    private static void Record(OperationAnalysisContext context, SdkClients clients, SdkCallGraph graph, IAssemblySymbol assembly)
    {
        if (context.ContainingSymbol is not IMethodSymbol caller)
            return;
        var invocation = (IInvocationOperation)context.Operation;
        if (clients.Read(invocation) is { } call)
        {
            graph.AddCall(caller, call);
            return;
        }
        var callee = SourceMethod(invocation.TargetMethod);
        // An abstract or interface callee has no body, but the walk follows it to the project's implementations.
        if (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, assembly) && !callee.IsExtern)
            graph.AddCallee(caller, callee);
    }

    private static void RecordImplicitCall(OperationAnalysisContext context, SdkCallGraph graph, IAssemblySymbol assembly)
    {
        if (context.ContainingSymbol is not IMethodSymbol caller)
            return;
        var callees = context.Operation switch
        {
            IPropertyReferenceOperation reference => new[] { reference.Property.GetMethod, reference.Property.SetMethod },
            IObjectCreationOperation creation => new[] { creation.Constructor },
            _ => [],
        };
        foreach (var callee in callees)
        {
            if (callee is not null && SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, assembly))
                graph.AddCallee(caller, callee.OriginalDefinition);
        }
    }

    /// <summary>The symbol whose body the graph records: generic and extension forms lead back to the declaration.</summary>
    private static IMethodSymbol SourceMethod(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return method.PartialImplementationPart ?? method;
    }

    private static bool IsFunction(IMethodSymbol method, INamedTypeSymbol functionAttribute)
    {
        // A partial method's two parts share one attribute list; the definition part speaks for both.
        if (method.PartialDefinitionPart is not null)
            return false;
        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, functionAttribute))
                return true;
        }
        return false;
    }
}
