using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Impulse.Generators.Parsing;
using Impulse.Generators.Permissions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Checks <c>[ExecutionPermission]</c> and <c>[InvokePermission]</c> on methods and classes: malformed actions
/// (IMP0018) and malformed ARNs, principals, accounts or conditions (IMP0019) are errors, because the manifest
/// would not be valid IAM and the generator skips the function; wildcards (IMP0020) are warnings that name
/// the narrower choice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PermissionAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
    [
        DiagnosticDescriptors.MalformedAction,
        DiagnosticDescriptors.MalformedPermissionValue,
        DiagnosticDescriptors.WildcardPermission,
    ];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var execution = start.Compilation.GetTypeByMetadataName(KnownNames.ExecutionPermissionAttribute);
            var invoke = start.Compilation.GetTypeByMetadataName(KnownNames.InvokePermissionAttribute);
            if (execution is null || invoke is null)
                return;
            start.RegisterSymbolAction(symbol => AnalyzeSymbol(symbol, execution, invoke), SymbolKind.Method, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeSymbol(SymbolAnalysisContext context, INamedTypeSymbol execution, INamedTypeSymbol invoke)
    {
        // A partial method's two parts share one attribute list; the definition part speaks for both.
        if (context.Symbol is IMethodSymbol { PartialDefinitionPart: not null })
            return;
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (attribute.AttributeConstructor is null || PermissionSyntax.Of(attribute, context.CancellationToken) is not { } syntax)
                continue;
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, execution))
                AnalyzeExecution(context, attribute, syntax, () => KnownActions(context.Symbol, execution));
            else if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, invoke))
                AnalyzeInvoke(context, attribute, syntax);
        }
    }

    private static void AnalyzeExecution(SymbolAnalysisContext context, AttributeData attribute, PermissionSyntax syntax, System.Func<IReadOnlyList<string>> knownActions)
    {
        // The values the generator reads (FunctionParser), null read as empty, so every function it skips gets an error here.
        var arguments = attribute.ConstructorArguments;
        if (arguments.Length < 2 || arguments[1].Kind != TypedConstantKind.Array)
            return;
        var action = arguments[0].Value as string ?? string.Empty;
        var resources = arguments[1].IsNull ? new List<string?>() : arguments[1].Values.Select(v => v.Value as string).ToList();

        if (PermissionRules.ActionProblem(action) is { } actionProblem)
            Report(context, DiagnosticDescriptors.MalformedAction, syntax.Positional(0), action, actionProblem);
        else if (WildcardAdvice.IsWildcardAction(action))
            Report(context, DiagnosticDescriptors.WildcardPermission, syntax.Positional(0), $"The action '{action}'", ActionScope(action), ActionAdvice(action, knownActions()));

        if (resources.Count == 0)
        {
            Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Whole,
                $"[ExecutionPermission(\"{action}\")]", "it names no resource; list the ARNs the action applies to");
        }
        for (var i = 0; i < resources.Count; i++)
        {
            var resource = resources[i] ?? string.Empty;
            if (PermissionRules.ResourceProblem(resource) is { } problem)
            {
                Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Resource(i), $"The resource '{resource}'", problem);
            }
            else if (WildcardAdvice.IsWildcardResource(resource))
            {
                var form = WildcardAdvice.NarrowerResource(action);
                Report(context, DiagnosticDescriptors.WildcardPermission, syntax.Resource(i), $"The resource '{resource}'",
                    $"'{action}' on every resource of its kind",
                    form is null ? "name the resources the code uses by their ARNs" : "name the resource, in the form " + form);
            }
        }

        if (FunctionParser.NamedString(attribute, "Condition") is { } condition && PermissionRules.ConditionProblem(condition) is { } conditionProblem)
            Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Named("Condition"), "The condition", conditionProblem);
    }

    private static void AnalyzeInvoke(SymbolAnalysisContext context, AttributeData attribute, PermissionSyntax syntax)
    {
        if (attribute.ConstructorArguments.Length != 1)
            return;
        var principal = attribute.ConstructorArguments[0].Value as string ?? string.Empty;
        if (PermissionRules.PrincipalProblem(principal) is { } problem)
            Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Positional(0), $"The principal '{principal}'", problem);
        if (FunctionParser.NamedString(attribute, "SourceArn") is { } arn && PermissionRules.ArnProblem(arn) is { } arnProblem)
            Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Named("SourceArn"), $"SourceArn '{arn}'", arnProblem);
        if (FunctionParser.NamedString(attribute, "SourceAccount") is { } account && PermissionRules.SourceAccountProblem(account) is { } accountProblem)
            Report(context, DiagnosticDescriptors.MalformedPermissionValue, syntax.Named("SourceAccount"), $"SourceAccount '{account}'", accountProblem);
    }

    private static string ActionScope(string action)
    {
        if (action == "*")
            return "every action of every service";
        var service = action.Substring(0, action.IndexOf(':'));
        return action.EndsWith(":*", System.StringComparison.Ordinal) ? $"every {service} action" : $"every {service} action that matches it";
    }

    private static string ActionAdvice(string action, IReadOnlyList<string> known)
    {
        var narrower = WildcardAdvice.NarrowerActions(action, known);
        return narrower.Count == 0
            ? "name the actions the code needs instead"
            : "name the actions the code needs instead, such as " + string.Join(", ", narrower);
    }

    /// <summary>
    /// The actions the code already grants near a declaration: on a method, its and its class's declared
    /// actions and those its triggers derive; on a class, its own and its methods' declared actions.
    /// </summary>
    private static IReadOnlyList<string> KnownActions(ISymbol symbol, INamedTypeSymbol execution)
    {
        IEnumerable<AttributeData> declared;
        var derived = Enumerable.Empty<string>();
        if (symbol is IMethodSymbol method)
        {
            declared = method.GetAttributes().Concat(method.ContainingType.GetAttributes());
            var triggers = method.GetAttributes().Where(a =>
                FunctionParser.IsAttribute(a, KnownNames.PushTriggerAttribute) || FunctionParser.IsAttribute(a, KnownNames.PullTriggerAttribute));
            derived = PermissionDeriver.Derive(method.Name, TriggerParser.ParseAll(triggers, method.Name, handlerTakesOneMessage: false), [], [])
                .Execution.SelectMany(s => s.Actions);
        }
        else
        {
            var type = (INamedTypeSymbol)symbol;
            declared = type.GetAttributes().Concat(type.GetMembers().OfType<IMethodSymbol>().SelectMany(m => m.GetAttributes()));
        }
        return declared
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, execution))
            .Select(a => a.ConstructorArguments.Length > 0 ? a.ConstructorArguments[0].Value as string : null)
            .OfType<string>()
            .Concat(derived.Where(a => !a.StartsWith("logs:", System.StringComparison.Ordinal)))
            .ToList();
    }

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] arguments) =>
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));
}
