using System.Text.RegularExpressions;

namespace Impulse.Tool.Templates;

/// <summary>One function of the manifest, checked against what Lambda accepts before anything is written.</summary>
internal sealed partial record FunctionSpec(
    ManifestNode Node,
    string Name,
    string Handler,
    string Runtime,
    string Architecture,
    int MemoryMb,
    int TimeoutSeconds,
    int ReservedConcurrency,
    string? Description,
    IReadOnlyList<KeyValuePair<string, string>> Environment,
    IReadOnlyList<TriggerSpec> Triggers,
    ManifestNode? Permissions)
{
    public static FunctionSpec Read(ManifestNode node)
    {
        var name = node.RequiredString("name");
        if (name.Length > 64 || !FunctionNamePattern().IsMatch(name))
            throw ManifestNode.Error($"The manifest's {node.Describe("name")} '{name}' is not a Lambda function name: 1–64 letters, digits, '-' or '_'.");

        var architecture = node.RequiredString("architecture");
        if (architecture is not ("x86_64" or "arm64"))
            throw ManifestNode.Error($"The manifest's {node.Describe("architecture")} is '{architecture}'; Lambda runs 'x86_64' or 'arm64'.");

        var memory = node.RequiredInt("memoryMb");
        if (memory is < 128 or > 10240)
            throw ManifestNode.Error($"The manifest's {node.Describe("memoryMb")} is {memory}; Lambda accepts 128–10240 MB.");

        var timeout = node.RequiredInt("timeoutSeconds");
        if (timeout is < 1 or > 900)
            throw ManifestNode.Error($"The manifest's {node.Describe("timeoutSeconds")} is {timeout}; Lambda accepts 1–900 seconds.");

        var reserved = node.OptionalInt("reservedConcurrency") ?? 0;
        if (reserved < 0)
            throw ManifestNode.Error($"The manifest's {node.Describe("reservedConcurrency")} is {reserved}; it must be 0 (no reservation) or more.");

        var environment = new List<KeyValuePair<string, string>>();
        if (node.OptionalObject("environment") is { } variables)
        {
            foreach (var variable in variables.Element.EnumerateObject())
            {
                environment.Add(KeyValuePair.Create(variable.Name, variable.Value.ValueKind == System.Text.Json.JsonValueKind.String
                    ? variable.Value.GetString()!
                    : throw ManifestNode.Error($"The manifest's {variables.Describe(variable.Name)} must be a string.")));
            }
        }

        var triggers = node.RequiredArray("triggers").Items().Select(TriggerSpec.Read).ToList();
        return new FunctionSpec(node, name, node.RequiredString("handler"), node.RequiredString("runtime"), architecture,
            memory, timeout, reserved, node.OptionalString("description"), environment, triggers, node.OptionalObject("permissions"));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex FunctionNamePattern();
}

/// <summary>One trigger of a function: push or pull, its source, its expression and its settings.</summary>
internal sealed record TriggerSpec(ManifestNode Node, bool IsPull, string Source, string Expression, ManifestNode Settings)
{
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

    private static readonly System.Text.Json.JsonElement EmptyObject = System.Text.Json.JsonDocument.Parse("{}").RootElement;
}
