using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Impulse.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Reflection;

namespace Impulse.Generators.Tests;

/// <summary>In-memory compilations of user code, referencing .NET 10, Impulse and its dependencies, as a user's project does.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(Impulse.FunctionAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.IServiceScope).Assembly.Location),
    ];

    /// <summary>
    /// The AWS SDK clients SdkPermissionAnalyzer checks calls of. Only a source that uses the SDK gets them, as only
    /// a project with the AWSSDK packages has them; elsewhere that analyzer stays out of the way, as it does for users.
    /// </summary>
    private static readonly ImmutableArray<MetadataReference> AwsSdkReferences =
    [
        MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.S3.IAmazonS3).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.SQS.IAmazonSQS).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.KeyManagementService.IAmazonKeyManagementService).Assembly.Location),
    ];

    /// <summary>A compilation of <paramref name="sources"/>; an executable unless <paramref name="kind"/> says otherwise.</summary>
    public static CSharpCompilation Create(OutputKind kind, params string[] sources) =>
        CSharpCompilation.Create(
            "TestApp",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            sources.Any(s => s.Contains("using Amazon.", StringComparison.Ordinal)) ? [.. References, .. AwsSdkReferences] : References,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Create(params string[] sources) => Create(OutputKind.ConsoleApplication, sources);

    private static readonly Lazy<ImmutableArray<ISourceGenerator>> JsonGenerators = new(() =>
    {
        var path = typeof(TestCompilation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "JsonSourceGenerator").Value!;
        return new AnalyzerFileReference(path, new AssemblyLoader()).GetGenerators(LanguageNames.CSharp);
    });

    /// <summary>
    /// A driver that tracks steps, so tests can assert what was cached. System.Text.Json's generator
    /// runs beside ours, as in a real build, so serializer contexts compile.
    /// </summary>
    public static GeneratorDriver Driver(AnalyzerConfigOptionsProvider? options = null) =>
        CSharpGeneratorDriver.Create(
            [new FunctionGenerator().AsSourceGenerator(), .. JsonGenerators.Value],
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Errors in a compilation, formatted for an assertion message.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}

/// <summary>Loads analyzer assemblies into the test process, where Roslyn is already loaded.</summary>
internal sealed class AssemblyLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath) { }
    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
