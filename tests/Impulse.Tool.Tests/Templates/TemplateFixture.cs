using System.Text.Json;
using System.Text.Json.Nodes;
using Impulse.Tool.Templates;

namespace Impulse.Tool.Tests.Templates;

/// <summary>Builds templates from the manifests under Templates/Manifests and reads them back for assertions.</summary>
internal static class TemplateFixture
{
    public const string CodeUri = "artifacts/package.zip";

    public static string ManifestText(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Templates", "Manifests", name));

    public static string Build(string manifestName, SamTemplateOptions? options = null) =>
        BuildFromText(ManifestText(manifestName), options);

    public static string BuildFromText(string manifestJson, SamTemplateOptions? options = null)
    {
        using var manifest = JsonDocument.Parse(manifestJson);
        return SamTemplate.Build(manifest.RootElement, options ?? new SamTemplateOptions(CodeUri));
    }

    public static JsonObject Parse(string template) => JsonNode.Parse(template)!.AsObject();

    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    public static JsonObject Properties(JsonObject template, string logicalId) =>
        template["Resources"]![logicalId]!["Properties"]!.AsObject();

    public static JsonObject Event(JsonObject template, string functionId, string eventName) =>
        Properties(template, functionId)["Events"]![eventName]!.AsObject();

    /// <summary>The resources of one type, by logical id.</summary>
    public static Dictionary<string, JsonObject> OfType(JsonObject template, string type) =>
        Resources(template)
            .Where(r => r.Value!["Type"]!.GetValue<string>() == type)
            .ToDictionary(r => r.Key, r => r.Value!.AsObject());

    /// <summary>A manifest edited in place: <paramref name="edit"/> changes the parsed fixture before it is built.</summary>
    public static string Edited(string manifestName, Action<JsonObject> edit)
    {
        var manifest = JsonNode.Parse(ManifestText(manifestName))!.AsObject();
        edit(manifest);
        return manifest.ToJsonString();
    }

    public static bool JsonEquals(JsonNode? expected, JsonNode? actual) => JsonNode.DeepEquals(expected, actual);
}
