using System.Collections.Immutable;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Checks the build properties the generator reads. An unknown <c>ImpulseArchitecture</c> would otherwise
/// fall back to x86_64 silently, and a function built for arm64 would be described as the wrong one.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuildPropertyAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [DiagnosticDescriptors.InvalidArchitecture];

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(static compilation =>
        {
            // Only a project that references Impulse has a manifest to describe.
            if (compilation.Compilation.GetTypeByMetadataName(KnownNames.FunctionAttribute) is null)
                return;
            if (compilation.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(Architectures.Property, out var value)
                && Architectures.Parse(value) is null)
            {
                compilation.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidArchitecture, Location.None, value));
            }
        });
    }
}
