using System.Text.Json;
using Impulse.Tool.Cli;

namespace Impulse.Tool.Manifest;

/// <summary>One function's <c>$LATEST</c> descriptor, as the manifest gives it.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Architecture"><c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="ConfigSha256">The generator's SHA-256 of the configuration: a publish compares it to tell whether anything changed.</param>
/// <param name="Json">The descriptor as written in the manifest.</param>
internal sealed record FunctionDescriptor(string Name, string Architecture, string ConfigSha256, string Json);

/// <summary>
/// The app's manifest (<c>impulse.manifest.json</c>): the schema it follows and each function's descriptor.
/// The tool reads only what it needs and keeps each descriptor's text as it came.
/// </summary>
internal sealed class AppManifest
{
    /// <summary>The file name the build writes beside the app and the package carries.</summary>
    public const string FileName = "impulse.manifest.json";

    /// <summary>The schema versions this tool reads.</summary>
    public static readonly IReadOnlyList<string> SupportedSchemas = ["impulse.manifest/1", "impulse.manifest/2"];

    private AppManifest(string schema, IReadOnlyList<FunctionDescriptor> functions, string json)
    {
        Schema = schema;
        Functions = functions;
        Json = json;
    }

    /// <summary>The schema the manifest declares: <c>impulse.manifest/2</c>.</summary>
    public string Schema { get; }

    /// <summary>The functions, in the manifest's order.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The manifest text.</summary>
    public string Json { get; }

    /// <summary>Reads a manifest file; a missing or malformed one is a <see cref="UserErrorException"/> naming it.</summary>
    public static AppManifest Load(string path)
    {
        if (!File.Exists(path))
            throw new UserErrorException($"No manifest at '{path}': build the app first (the Impulse build writes {FileName} beside it).");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses manifest text; <paramref name="source"/> names where it came from in errors.</summary>
    public static AppManifest Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var schema = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("schema", out var s) && s.ValueKind == JsonValueKind.String
                ? s.GetString()!
                : throw Invalid(source, "it has no \"schema\"");
            if (!SupportedSchemas.Contains(schema))
                throw Invalid(source, $"its schema '{schema}' is not one this tool reads ({string.Join(", ", SupportedSchemas)})");
            if (!root.TryGetProperty("functions", out var functions) || functions.ValueKind != JsonValueKind.Array)
                throw Invalid(source, "it has no \"functions\" array");

            var descriptors = new List<FunctionDescriptor>();
            foreach (var function in functions.EnumerateArray())
            {
                var name = RequiredString(function, "name", source);
                if (descriptors.Any(d => d.Name == name))
                    throw Invalid(source, $"function '{name}' appears twice");
                descriptors.Add(new FunctionDescriptor(
                    name,
                    RequiredString(function, "architecture", source),
                    RequiredString(function, "configSha256", source),
                    function.GetRawText()));
            }
            return new AppManifest(schema, descriptors, json);
        }
        catch (JsonException e)
        {
            throw Invalid(source, $"it is not valid JSON ({e.Message})");
        }
    }

    /// <summary>The descriptor of <paramref name="name"/>, or null.</summary>
    public FunctionDescriptor? Find(string name) => Functions.FirstOrDefault(f => f.Name == name);

    private static string RequiredString(JsonElement function, string property, string source) =>
        function.ValueKind == JsonValueKind.Object && function.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw Invalid(source, $"a function has no \"{property}\"");

    private static UserErrorException Invalid(string source, string reason) => new($"The manifest '{source}' is not usable: {reason}.");
}
