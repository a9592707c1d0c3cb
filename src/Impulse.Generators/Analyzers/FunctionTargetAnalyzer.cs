using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Reports <c>[Function]</c> where C# allows it but the generator never looks: local functions, lambdas,
/// accessors, operators and finalizers. The generator reads method declarations only, so without this
/// such a function would silently not exist.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class FunctionTargetAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<SyntaxKind> Targets =
    [
        SyntaxKind.LocalFunctionStatement,
        SyntaxKind.ParenthesizedLambdaExpression,
        SyntaxKind.GetAccessorDeclaration,
        SyntaxKind.SetAccessorDeclaration,
        SyntaxKind.InitAccessorDeclaration,
        SyntaxKind.AddAccessorDeclaration,
        SyntaxKind.RemoveAccessorDeclaration,
        SyntaxKind.OperatorDeclaration,
        SyntaxKind.ConversionOperatorDeclaration,
        SyntaxKind.DestructorDeclaration,
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.UnsupportedFunctionTarget];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.FunctionAttribute) is not { } functionAttribute)
                return;
            start.RegisterSyntaxNodeAction(node => Analyze(node, functionAttribute), Targets);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol functionAttribute)
    {
        var lists = context.Node switch
        {
            LocalFunctionStatementSyntax local => local.AttributeLists,
            LambdaExpressionSyntax lambda => lambda.AttributeLists,
            AccessorDeclarationSyntax accessor => accessor.AttributeLists,
            BaseMethodDeclarationSyntax member => member.AttributeLists,
            _ => default,
        };
        foreach (var list in lists)
        {
            // '[return: Function]' and the like are already compiler errors (CS0592); say nothing more.
            if (list.Target is { } target && !target.Identifier.IsKind(SyntaxKind.MethodKeyword))
                continue;
            foreach (var attribute in list.Attributes)
            {
                var constructor = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol;
                if (SymbolEqualityComparer.Default.Equals(constructor?.ContainingType, functionAttribute))
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedFunctionTarget, attribute.GetLocation(), Describe(context.Node)));
            }
        }
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        LocalFunctionStatementSyntax local => $"the local function '{local.Identifier.ValueText}'",
        LambdaExpressionSyntax => "a lambda",
        AccessorDeclarationSyntax { Parent.Parent: EventDeclarationSyntax } => "an event accessor",
        AccessorDeclarationSyntax { Parent.Parent: IndexerDeclarationSyntax } => "an indexer accessor",
        AccessorDeclarationSyntax => "a property accessor",
        ConversionOperatorDeclarationSyntax => "a conversion operator",
        OperatorDeclarationSyntax => "an operator",
        _ => "a finalizer",
    };
}
