using System.Text.Json.Nodes;
using NJsonSchema;

namespace Impulse.Tool.Tests.Templates;

/// <summary>
/// The schemas a template must satisfy: SAM's own schema for the whole template, and CloudFormation's resource
/// schema for <c>AWS::Lambda::Permission</c>, whose non-standard keywords are stripped so a plain validator reads it.
/// </summary>
internal static class TemplateSchemas
{
    // Keywords of the CloudFormation resource-provider format that are not JSON Schema.
    private static readonly string[] ProviderKeywords =
    [
        "typeName", "createOnlyProperties", "readOnlyProperties", "writeOnlyProperties", "primaryIdentifier",
        "additionalIdentifiers", "propertyTransform", "tagging", "handlers", "sourceUrl", "replacementStrategy",
        "conditionalCreateOnlyProperties", "nonPublicProperties", "deprecatedProperties",
    ];

    private static readonly Lazy<Task<JsonSchema>> Sam = new(() => JsonSchema.FromFileAsync(SharedFolder.File("schemas", "sam.schema.json")));

    private static readonly Lazy<Task<JsonSchema>> LambdaPermission = new(() =>
    {
        var provider = JsonNode.Parse(File.ReadAllText(SharedFolder.File("schemas", "aws-lambda-permission.json")))!.AsObject();
        foreach (var keyword in ProviderKeywords)
            provider.Remove(keyword);
        return JsonSchema.FromJsonAsync(provider.ToJsonString());
    });

    /// <summary>The SAM schema's complaints about the template; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> SamErrorsAsync(string template) =>
        (await Sam.Value).Validate(template).Select(e => e.ToString()).ToList();

    /// <summary>The CloudFormation schema's complaints about one permission's properties; empty when they are valid.</summary>
    public static async Task<IReadOnlyList<string>> PermissionErrorsAsync(JsonObject resolvedProperties) =>
        (await LambdaPermission.Value).Validate(resolvedProperties.ToJsonString()).Select(e => e.ToString()).ToList();
}
