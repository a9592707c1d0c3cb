using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.CodeFixes.Tests;

/// <summary>In-memory class libraries that reference .NET 10, Impulse and the real AWS SDK clients, as a user's project does.</summary>
internal static class SdkCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>Usings every test source may rely on, added as one more file.</summary>
    public const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.Threading.Tasks;
        global using Impulse;
        global using Amazon.S3;
        global using Amazon.S3.Model;
        global using Amazon.DynamoDBv2;
        global using Amazon.DynamoDBv2.Model;
        global using Amazon.DynamoDBv2.DataModel;
        global using Amazon.S3.Transfer;
        global using Amazon.SQS;
        global using Amazon.SQS.Model;
        global using Amazon.SimpleSystemsManagement;
        global using Amazon.SimpleSystemsManagement.Model;
        global using Amazon.KeyManagementService;
        global using Amazon.KeyManagementService.Model;
        """;

    /// <summary>The SDK assemblies whose clients the operation map covers.</summary>
    public static readonly ImmutableArray<System.Reflection.Assembly> SdkAssemblies =
    [
        typeof(Amazon.S3.IAmazonS3).Assembly,
        typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly,
        typeof(Amazon.SQS.IAmazonSQS).Assembly,
        typeof(Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement).Assembly,
        typeof(Amazon.KeyManagementService.IAmazonKeyManagementService).Assembly,
    ];

    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(FunctionAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceClient).Assembly.Location),
        .. SdkAssemblies.Select(a => MetadataReference.CreateFromFile(a.Location)),
    ];

    public static CSharpCompilationOptions Options { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    public static CSharpCompilation Create(IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "SdkApp",
            sources.Append(GlobalUsings).Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References,
            Options);

    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => d.ToString()));
}
