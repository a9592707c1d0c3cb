using System.Globalization;
using System.Text.Json;

namespace Impulse.Tool.Templates;

/// <summary>
/// A manifest value with its JSON path, so every error names exactly which value is wrong
/// (<c>functions[2].triggers[0].settings.batchSize</c>) instead of failing somewhere later.
/// </summary>
internal readonly record struct ManifestNode(JsonElement Element, string Path)
{
    public static ManifestNode Root(JsonElement element) => new(element, "");

    public string Describe(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public ManifestNode RequiredObject(string name) => Required(name, JsonValueKind.Object);

    public ManifestNode RequiredArray(string name) => Required(name, JsonValueKind.Array);

    public ManifestNode? OptionalObject(string name) =>
        Optional(name, JsonValueKind.Object) is { } node ? node : null;

    public ManifestNode? OptionalArray(string name) =>
        Optional(name, JsonValueKind.Array) is { } node ? node : null;

    public string RequiredString(string name)
    {
        var value = Required(name, JsonValueKind.String).Element.GetString()!;
        return value.Length > 0 ? value : throw Error($"The manifest's {Describe(name)} must not be empty.");
    }

    public string? OptionalString(string name) => Optional(name, JsonValueKind.String)?.Element.GetString();

    public int RequiredInt(string name) => IntOf(Required(name, JsonValueKind.Number), name);

    public int? OptionalInt(string name) => Optional(name, JsonValueKind.Number) is { } node ? IntOf(node, name) : null;

    public bool OptionalBool(string name)
    {
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return false;
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"The manifest's {Describe(name)} must be true or false; it is {KindName(value.ValueKind)}."),
        };
    }

    /// <summary>The items of this array, each with its index in the path.</summary>
    public IEnumerable<ManifestNode> Items()
    {
        var index = 0;
        foreach (var item in Element.EnumerateArray())
            yield return new ManifestNode(item, $"{Path}[{index++}]");
    }

    /// <summary>The string items of this array.</summary>
    public IEnumerable<string> Strings()
    {
        foreach (var item in Items())
        {
            yield return item.Element.ValueKind == JsonValueKind.String
                ? item.Element.GetString()!
                : throw Error($"The manifest's {item.Path} must be a string; it is {KindName(item.Element.ValueKind)}.");
        }
    }

    public static SamTemplateException Error(string message) => new(message);

    private ManifestNode Required(string name, JsonValueKind kind) =>
        Optional(name, kind) ?? throw Error($"The manifest lacks {Describe(name)}, which must be {KindName(kind)}.");

    private ManifestNode? Optional(string name, JsonValueKind kind)
    {
        if (Element.ValueKind != JsonValueKind.Object)
            throw Error($"The manifest's {(Path.Length == 0 ? "root" : Path)} must be an object; it is {KindName(Element.ValueKind)}.");
        if (!Element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        return value.ValueKind == kind
            ? new ManifestNode(value, Describe(name))
            : throw Error($"The manifest's {Describe(name)} must be {KindName(kind)}; it is {KindName(value.ValueKind)}.");
    }

    private int IntOf(ManifestNode node, string name) =>
        node.Element.TryGetInt32(out var number)
            ? number
            : throw Error($"The manifest's {Describe(name)} must be a whole number; it is {node.Element.GetRawText()}.");

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString().ToLower(CultureInfo.InvariantCulture),
    };
}
