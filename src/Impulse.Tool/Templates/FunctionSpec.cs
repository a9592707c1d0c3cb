using System.Text.Json;
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

        var description = node.OptionalString("description");
        if (description is { Length: > 256 })
            throw ManifestNode.Error($"The manifest's {node.Describe("description")} has {description.Length} characters; Lambda accepts 256.");

        var environment = new List<KeyValuePair<string, string>>();
        if (node.OptionalObject("environment") is { } variables)
        {
            foreach (var variable in variables.Element.EnumerateObject())
            {
                if (!VariableNamePattern().IsMatch(variable.Name) || ReservedVariables.Contains(variable.Name))
                    throw ManifestNode.Error($"The manifest's {variables.Describe(variable.Name)} cannot be set on Lambda: {(ReservedVariables.Contains(variable.Name) ? "Lambda reserves that name" : "a name is a letter, then letters, digits or '_'")}.");
                environment.Add(KeyValuePair.Create(variable.Name, variable.Value.ValueKind == JsonValueKind.String
                    ? variable.Value.GetString()!
                    : throw ManifestNode.Error($"The manifest's {variables.Describe(variable.Name)} must be a string.")));
            }
        }

        var triggers = node.RequiredArray("triggers").Items().Select(TriggerSpec.Read).ToList();
        return new FunctionSpec(node, name, node.RequiredString("handler"), node.RequiredString("runtime"), architecture,
            memory, timeout, reserved, description, environment, triggers, node.OptionalObject("permissions"));
    }

    // Variables Lambda sets itself; a function configured with one of them fails to deploy.
    private static readonly HashSet<string> ReservedVariables = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
        "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_LAMBDA_RUNTIME_API", "AWS_REGION",
        "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "LAMBDA_RUNTIME_DIR", "LAMBDA_TASK_ROOT",
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]+$")]
    private static partial Regex VariableNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex FunctionNamePattern();
}
