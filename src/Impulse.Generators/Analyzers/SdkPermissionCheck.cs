using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// The compilation-end half of <see cref="SdkPermissionAnalyzer"/>: for each function, the SDK calls it reaches
/// against the actions declared on it and on its class.
/// </summary>
internal static class SdkPermissionCheck
{
    /// <summary>Diagnostic property: the IAM action IMP0021 found missing.</summary>
    public const string ActionProperty = "Action";

    /// <summary>Diagnostic property: the narrowest resource ARN the call names, for the fix to declare.</summary>
    public const string ResourceProperty = "Resource";

    public static void Report(
        CompilationAnalysisContext context,
        SdkCallGraph graph,
        ConcurrentBag<IMethodSymbol> functions,
        INamedTypeSymbol functionAttribute,
        INamedTypeSymbol executionPermission)
    {
        var cancel = context.CancellationToken;
        var knownServices = SdkOperationMap.Default.Services;
        var used = new HashSet<(SyntaxTree, TextSpan)>();
        // Per declaring class: its class-level permissions and the names of its functions, for IMP0022's message.
        var classes = new Dictionary<INamedTypeSymbol, (List<SdkDeclaredPermission> Declared, List<string> Functions)>(SymbolEqualityComparer.Default);
        var methodLevel = new List<(SdkDeclaredPermission Permission, string Function)>();

        foreach (var function in functions.OrderBy(f => f.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
        {
            cancel.ThrowIfCancellationRequested();
            var name = FunctionName(function, functionAttribute);
            var onMethod = SdkDeclaredPermission.On(function, executionPermission);
            if (!classes.TryGetValue(function.ContainingType, out var onClass))
            {
                onClass = (SdkDeclaredPermission.On(function.ContainingType, executionPermission), new List<string>());
                classes.Add(function.ContainingType, onClass);
            }
            onClass.Functions.Add(name);
            methodLevel.AddRange(onMethod.Select(p => (p, name)));
            var declared = onMethod.Concat(onClass.Declared).ToList();

            var calls = graph.CallsReachableFrom(function, out var complete);
            // Past the walk's bound a declared action may well be used, so none of them is called unused.
            if (!complete)
                used.UnionWith(declared.Select(Key));
            foreach (var call in calls)
            {
                foreach (var need in call.Needs)
                {
                    var covering = declared.Where(d => SdkActionPattern.Covers(d.Action, need.Action)).ToList();
                    if (covering.Count == 0)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            DiagnosticDescriptors.UndeclaredSdkPermission,
                            call.Location,
                            additionalLocations: function.Locations.Take(1),
                            properties: ImmutableDictionary<string, string?>.Empty
                                .Add(ActionProperty, need.Action)
                                .Add(ResourceProperty, need.Resource),
                            call.Operation, need.Action, name, need.Resource));
                    }
                    foreach (var permission in covering)
                        used.Add(Key(permission));
                }
            }
        }

        foreach (var (permission, function) in methodLevel)
            ReportIfUnused(context, permission, $"function '{function}'", used, knownServices);
        foreach (var type in classes)
        {
            var names = string.Join("', '", type.Value.Functions.OrderBy(n => n, StringComparer.Ordinal));
            foreach (var permission in type.Value.Declared)
                ReportIfUnused(context, permission, $"the functions of '{type.Key.Name}' ('{names}')", used, knownServices);
        }
    }

    private static void ReportIfUnused(
        CompilationAnalysisContext context, SdkDeclaredPermission permission, string scope, HashSet<(SyntaxTree, TextSpan)> used, ImmutableHashSet<string> knownServices)
    {
        // Only services the map knows: for any other, no SDK call could ever be seen to use the permission.
        if (used.Contains(Key(permission)) || !knownServices.Contains(permission.Service))
            return;
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.UnusedExecutionPermission, permission.Location(context.CancellationToken), permission.Action, scope));
    }

    private static (SyntaxTree, TextSpan) Key(SdkDeclaredPermission permission) => (permission.Syntax.SyntaxTree, permission.Syntax.Span);

    private static string FunctionName(IMethodSymbol function, INamedTypeSymbol functionAttribute) =>
        function.GetAttributes()
            .FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, functionAttribute))
            ?.ConstructorArguments.FirstOrDefault().Value as string
        ?? function.Name;
}
