using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits the app's dispatch table: the invokers in name order, a <c>switch</c> over names (which the
/// compiler lowers to a length-and-character jump, not a chain of comparisons), the manifest, the
/// services, and the entry point.
/// </summary>
internal static class ApplicationEmitter
{
    public static string Emit(AppModel app)
    {
        var writer = new SourceWriter();
        writer.Block(GeneratedNames.Header).Line();
        writer.Line($"namespace {GeneratedNames.Namespace}").OpenBrace();

        writer.Line("/// <summary>The app's functions, descriptors and services, as the Impulse generator found them.</summary>");
        writer.Line(GeneratedNames.GeneratedCode);
        writer.Line($"internal sealed class {GeneratedNames.Application} : global::Impulse.Dispatch.FunctionApplication");
        using (writer.Braces())
        {
            EmitTable(writer, app);
            writer.Line();
            EmitServices(writer, app);
            writer.Line();
            writer.Line("/// <summary>Runs the app: the Lambda Runtime API loop on AWS, the local host or the local commands elsewhere.</summary>");
            if (app.LocalHost)
            {
                // The feature switch is tested here, in the method itself, so that publishing with it off lets native AOT drop the local host.
                writer.Line("public static global::System.Threading.Tasks.Task<int> RunAsync(string[] args) =>");
                writer.Line("    global::Impulse.FunctionHost.IsLocalHostSupported && global::Impulse.FunctionHost.ShouldRunLocalHost(args)");
                writer.Line($"        ? global::Impulse.Hosting.LocalHost.RunAsync(args, new {GeneratedNames.Application}())");
                writer.Line($"        : global::Impulse.FunctionHost.RunAsync(args, new {GeneratedNames.Application}());");
            }
            else
            {
                writer.Line($"public static global::System.Threading.Tasks.Task<int> RunAsync(string[] args) => global::Impulse.FunctionHost.RunAsync(args, new {GeneratedNames.Application}());");
            }
        }

        if (app.EmitEntryPoint)
        {
            writer.Line();
            writer.Line(GeneratedNames.GeneratedCode);
            writer.Line($"internal static class {GeneratedNames.EntryPoint}");
            using (writer.Braces())
            {
                writer.Line($"public static global::System.Threading.Tasks.Task<int> Main(string[] args) => {GeneratedNames.Application}.RunAsync(args);");
            }
        }
        writer.CloseBrace();

        for (var i = 0; i < app.Functions.Count; i++)
        {
            writer.Line();
            InvokerEmitter.Emit(writer, app.Functions[i], i);
        }
        return writer.ToString();
    }

    private static void EmitTable(SourceWriter writer, AppModel app)
    {
        var invokers = string.Join(", ", app.Functions.Select((_, i) => $"new global::{GeneratedNames.Invoker(i)}()"));
        writer.Line($"private static readonly global::Impulse.Dispatch.FunctionInvoker[] s_functions = [{invokers}];");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override global::System.Collections.Generic.IReadOnlyList<global::Impulse.Dispatch.FunctionInvoker> Functions => s_functions;");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override global::Impulse.Dispatch.FunctionInvoker? Find(string name) => name switch");
        writer.OpenBrace();
        for (var i = 0; i < app.Functions.Count; i++)
            writer.Line($"{InvokerEmitter.Literal(app.Functions[i].Name)} => s_functions[{i}],");
        writer.Line("_ => null,");
        writer.CloseBrace(";");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line($"public override global::System.ReadOnlySpan<byte> ManifestJson => {SymbolDisplay.FormatLiteral(ManifestEmitter.Build(app), quote: true)}u8;");
    }

    private static void EmitServices(SourceWriter writer, AppModel app)
    {
        var needed = app.Functions
            .SelectMany(f => f.Handler.Constructor?.Parameters.Where(p => !p.Optional).Select(p => p.Type) ?? Enumerable.Empty<string>())
            .Distinct()
            .OrderBy(t => t, System.StringComparer.Ordinal)
            .ToList();
        if (app.Startup is null && needed.Count == 0)
            return;

        writer.Line("/// <inheritdoc/>");
        writer.Line("public override global::System.IServiceProvider CreateServices() => CreateServices(static _ => { });");
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Line("public override global::System.IServiceProvider CreateServices(global::System.Action<global::Microsoft.Extensions.DependencyInjection.IServiceCollection> addHostServices)");
        using (writer.Braces())
        {
            writer.Line("var services = new global::Microsoft.Extensions.DependencyInjection.ServiceCollection();");
            if (app.Startup is not null)
                writer.Line($"{app.Startup}.ConfigureServices(services);");
            // After the app's startup, so the host sees (and keeps) what the app registered itself.
            writer.Line("addHostServices(services);");
            writer.Line("var provider = global::Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);");
            if (needed.Count > 0)
            {
                // Check at start-up that every constructor parameter is registered, so a missing
                // registration is an initialisation error rather than a failure on the first call.
                writer.Line("global::Impulse.Dispatch.ServiceChecks.RequireRegistered(provider, [");
                foreach (var type in needed)
                    writer.Line($"    typeof({type}),");
                writer.Line("]);");
            }
            writer.Line("return provider;");
        }
    }
}
