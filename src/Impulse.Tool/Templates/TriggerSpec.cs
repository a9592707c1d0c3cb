using System.Text.Json;

namespace Impulse.Tool.Templates;

/// <summary>One trigger of a function: push or pull, its source, its expression and its settings.</summary>
internal sealed record TriggerSpec(ManifestNode Node, bool IsPull, string Source, string Expression, ManifestNode Settings)
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;
    private static readonly string[] PushSources = ["http", "s3", "sns", "eventBridge", "schedule"];
    private static readonly string[] PullSources = ["queue", "stream", "dynamoDbStream"];

    public static TriggerSpec Read(ManifestNode node)
    {
        var kind = node.RequiredString("kind");
        var source = node.RequiredString("source");
        var sources = kind switch
        {
            "push" => PushSources,
            "pull" => PullSources,
            _ => throw ManifestNode.Error($"The manifest's {node.Describe("kind")} is '{kind}'; it must be 'push' or 'pull'."),
        };
        if (!sources.Contains(source, StringComparer.Ordinal))
            throw ManifestNode.Error($"The manifest's {node.Describe("source")} is '{source}', which is not a {kind} source; {kind} sources are {string.Join(", ", sources)}.");

        var settings = node.OptionalObject("settings") ?? new ManifestNode(EmptyObject, node.Describe("settings"));
        return new TriggerSpec(node, kind == "pull", source, node.RequiredString("expression"), settings);
    }
}
