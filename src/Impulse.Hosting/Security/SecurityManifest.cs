using System.Text.Json;

namespace Impulse.Hosting.Security;

/// <summary>
/// What the manifest says about who may invoke each function: its invoke statements (<c>permissions.invoke[]</c>)
/// and which of its HTTP routes need IAM auth (<c>"iamAuth": true</c> in a trigger's settings). Fields the host does
/// not use are ignored, so newer manifests with more to say still read.
/// </summary>
internal sealed class SecurityManifest
{
    private readonly Dictionary<string, IReadOnlyList<InvokeStatement>> _statements = new(StringComparer.Ordinal);
    private readonly HashSet<(string Function, string Route)> _iamAuthRoutes = [];

    /// <exception cref="JsonException">The manifest is not JSON.</exception>
    public static SecurityManifest Read(ReadOnlySpan<byte> manifestJson)
    {
        var manifest = new SecurityManifest();
        using var document = JsonDocument.Parse(manifestJson.ToArray());
        if (!document.RootElement.TryGetProperty("functions"u8, out var functions) || functions.ValueKind != JsonValueKind.Array)
            return manifest;
        foreach (var function in functions.EnumerateArray())
        {
            if (StringOf(function, "name"u8) is not { } name)
                continue;
            manifest._statements[name] = InvokeStatements(function);
            foreach (var route in IamAuthRoutes(function))
                manifest._iamAuthRoutes.Add((name, route));
        }

        return manifest;
    }

    /// <summary>The function's invoke statements; none for a function the manifest does not describe.</summary>
    public IReadOnlyList<InvokeStatement> StatementsOf(string function) => _statements.TryGetValue(function, out var statements) ? statements : [];

    /// <summary>Whether the function's HTTP trigger with this expression requires requests signed for <c>execute-api</c>.</summary>
    public bool RequiresIamAuth(string function, string routeExpression) => _iamAuthRoutes.Contains((function, routeExpression));

    private static List<InvokeStatement> InvokeStatements(JsonElement function)
    {
        var statements = new List<InvokeStatement>();
        if (!function.TryGetProperty("permissions"u8, out var permissions) || permissions.ValueKind != JsonValueKind.Object
            || !permissions.TryGetProperty("invoke"u8, out var invoke) || invoke.ValueKind != JsonValueKind.Array)
            return statements;
        foreach (var statement in invoke.EnumerateArray())
        {
            // A statement without a principal admits nobody.
            if (StringOf(statement, "principal"u8) is { Length: > 0 } principal)
                statements.Add(new InvokeStatement(principal, StringOf(statement, "action"u8), StringOf(statement, "sourceArn"u8), StringOf(statement, "sourceAccount"u8)));
        }

        return statements;
    }

    private static IEnumerable<string> IamAuthRoutes(JsonElement function)
    {
        if (!function.TryGetProperty("triggers"u8, out var triggers) || triggers.ValueKind != JsonValueKind.Array)
            yield break;
        foreach (var trigger in triggers.EnumerateArray())
        {
            if (StringOf(trigger, "kind"u8) == "push" && StringOf(trigger, "source"u8) == "http" && StringOf(trigger, "expression"u8) is { } expression
                && trigger.TryGetProperty("settings"u8, out var settings) && settings.ValueKind == JsonValueKind.Object
                && settings.TryGetProperty("iamAuth"u8, out var iam) && iam.ValueKind == JsonValueKind.True)
                yield return expression;
        }
    }

    private static string? StringOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
