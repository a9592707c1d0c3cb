using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>The manifest a generator run embeds, read from the generated <c>ManifestJson</c> literal and checked as IAM.</summary>
internal static class GeneratedManifest
{
    /// <summary>Generates <paramref name="sources"/> as a class library and returns its manifest, every policy in it validated.</summary>
    public static JsonElement Of(params string[] sources) =>
        Of(TestCompilation.Create(OutputKind.DynamicallyLinkedLibrary, [.. sources, Analyzers.AnalyzerVerifier.GlobalUsings]));

    public static JsonElement Of(Compilation compilation, GeneratorDriver? driver = null)
    {
        var run = GeneratorRun.Of(compilation, driver);
        var manifest = Read(run.Source!);
        IamPolicyValidator.AssertManifestValid(manifest);
        return manifest;
    }

    /// <summary>The JSON text of the <c>ManifestJson</c> property in generated source.</summary>
    public static JsonElement Read(string generatedSource)
    {
        var property = CSharpSyntaxTree.ParseText(generatedSource).GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>()
            .Single(p => p.Identifier.ValueText == "ManifestJson");
        var literal = property.ExpressionBody!.Expression.DescendantTokens().Single(t => t.IsKind(SyntaxKind.Utf8StringLiteralToken));
        using var document = JsonDocument.Parse(literal.ValueText);
        return document.RootElement.Clone();
    }

    public static JsonElement Function(JsonElement manifest, string name) =>
        manifest.GetProperty("functions").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
}
