using NJsonSchema;

namespace Impulse.Tool.Tests.Templates;

/// <summary>The hand-written manifests the template tests build from follow the published manifest format.</summary>
public sealed class ManifestFixtureTests
{
    [Theory]
    [InlineData("order-service.json")]
    [InlineData("every-trigger.json")]
    public async Task Fixture_ValidatesAgainstTheManifestSchema(string manifest)
    {
        var path = Path.Combine(SharedFolder.RepositoryRoot, "docs", "impulse.manifest.schema.json");
        Assert.True(File.Exists(path), $"The manifest schema {path} is missing.");
        var schema = await JsonSchema.FromFileAsync(path);

        var errors = schema.Validate(TemplateFixture.ManifestText(manifest));

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => e.ToString())));
    }
}
