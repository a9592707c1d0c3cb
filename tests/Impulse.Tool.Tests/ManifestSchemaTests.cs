using Impulse.Tool.Tests.Infrastructure;
using NJsonSchema;

namespace Impulse.Tool.Tests;

/// <summary>docs/impulse.manifest.schema.json holds to the format: what it accepts and what it refuses.</summary>
public sealed class ManifestSchemaTests
{
    /// <summary>The schema as the docs publish it.</summary>
    public static Task<JsonSchema> SchemaAsync() =>
        JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot.Find(), "docs", "impulse.manifest.schema.json"));

    [Fact]
    public async Task The_schema_accepts_a_version_2_manifest_and_rejects_another_version_or_out_of_range_values()
    {
        var schema = await SchemaAsync();
        var manifest = SyntheticApp.Manifest(256);

        Assert.Empty(schema.Validate(manifest));
        Assert.NotEmpty(schema.Validate(manifest.Replace("impulse.manifest/2", "impulse.manifest/3", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(manifest.Replace("\"x86_64\"", "\"sparc\"", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(manifest.Replace("\"memoryMb\":256", "\"memoryMb\":64", StringComparison.Ordinal)));
        Assert.NotEmpty(schema.Validate(manifest.Replace("\"configSha256\"", "\"configHash\"", StringComparison.Ordinal)));
    }
}
