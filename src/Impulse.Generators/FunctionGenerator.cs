using Impulse.Generators.Emitting;
using Impulse.Generators.Model;
using Impulse.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.Generators;

/// <summary>
/// Turns <c>[Function]</c> methods into the app's dispatch table, typed invokers, manifest and entry point.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class FunctionGenerator : IIncrementalGenerator
{
    private static bool ReferencesLocalHost(Compilation compilation)
    {
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            if (assembly.Name == KnownNames.HostingAssembly)
                return true;
        }
        return false;
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Every [Function] method, parsed to a model; null where the analyzers report a problem.
        var functions = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.FunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                FunctionParser.Parse)
            .WithTrackingName(TrackingNames.Functions);

        // Only the functions the generator can emit.
        var valid = functions
            .Where(static f => f is not null)
            .Select(static (f, _) => f!)
            .WithTrackingName(TrackingNames.ValidFunctions);

        // The class that configures services, if the app has one.
        var startups = context.SyntaxProvider
            .CreateSyntaxProvider(StartupParser.MayBeStartup, StartupParser.Parse)
            .WithTrackingName(TrackingNames.Startups);

        // Whether to emit Main (only for executables, unless the project opts out), whether it can start the local host, and its architecture.
        var options = context.AnalyzerConfigOptionsProvider
            .Combine(context.CompilationProvider.Select(static (c, _) => (c.Options.OutputKind, LocalHost: ReferencesLocalHost(c))))
            .Select(static (pair, _) => new GeneratorOptions(
                pair.Right.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication
                && !(pair.Left.GlobalOptions.TryGetValue("build_property.ImpulseGenerateEntryPoint", out var value)
                     && string.Equals(value, "false", System.StringComparison.OrdinalIgnoreCase)),
                pair.Right.LocalHost,
                Architectures.Parse(pair.Left.GlobalOptions.TryGetValue(Architectures.Property, out var architecture) ? architecture : null)
                    ?? Architectures.X86))
            .WithTrackingName(TrackingNames.Options);

        // The app's JSON settings, from [assembly: ImpulseJson].
        var jsonOptions = context.CompilationProvider
            .Select(static (c, _) => JsonOptionsParser.Parse(c))
            .WithTrackingName(TrackingNames.JsonOptions);

        // The whole app, sorted, once per change to any of its parts.
        var app = valid.Collect()
            .Combine(startups.Collect())
            .Combine(options)
            .Combine(jsonOptions)
            .Select(static (parts, _) => AppBuilder.Build(parts.Left.Left.Left, parts.Left.Left.Right, parts.Left.Right, parts.Right))
            .WithTrackingName(TrackingNames.App);

        // Two files: the table with its invokers and entry point, and the JSON readers and writers.
        context.RegisterSourceOutput(app, static (output, model) =>
        {
            if (model.Functions.Count > 0)
                output.AddSource("Impulse.Functions.g.cs", ApplicationEmitter.Emit(model));
            if (model.JsonTypes.Count > 0)
                output.AddSource("Impulse.Json.g.cs", JsonEmitter.Emit(model.JsonTypes, model.JsonOptions));
        });
    }
}
