using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>
/// <c>AWS::Lambda::Permission</c> resources for the invoke permissions the app declares. Permissions a trigger
/// implies (<c>origin: trigger</c>) are left out: SAM creates those from the function's events.
/// </summary>
internal static class InvokePermissions
{
    public static void Add(FunctionSpec function, string functionId, JsonObject resources, TemplateParts parts, string? alias)
    {
        if (function.Permissions?.OptionalArray("invoke") is not { } invoke)
            return;

        var index = 0;
        foreach (var permission in invoke.Items())
        {
            index++;
            var origin = permission.RequiredString("origin");
            if (origin == "trigger")
                continue;
            if (origin != "declared")
                throw ManifestNode.Error($"The manifest's {permission.Describe("origin")} is '{origin}'; it must be 'trigger' or 'declared'.");

            var sid = permission.OptionalString("sid") is { Length: > 0 } given ? given : $"Invoke{index}";
            var id = parts.Ids.Allocate(functionId + LogicalIds.Pascal(sid) + "Permission", $"invoke permission '{sid}' of function '{function.Name}'");
            var properties = new JsonObject
            {
                ["Action"] = permission.OptionalString("action") ?? "lambda:InvokeFunction",
                // With an alias, callers invoke the alias, so that is what they need permission on.
                ["FunctionName"] = alias is null ? Intrinsics.GetAtt(functionId, "Arn") : Intrinsics.Ref(functionId + ".Alias"),
                ["Principal"] = Intrinsics.Sub(permission.RequiredString("principal")),
            };
            if (permission.OptionalString("sourceArn") is { } sourceArn)
                properties["SourceArn"] = Intrinsics.Sub(sourceArn);
            if (permission.OptionalString("sourceAccount") is { } sourceAccount)
                properties["SourceAccount"] = Intrinsics.Sub(sourceAccount);

            resources[id] = new JsonObject { ["Type"] = "AWS::Lambda::Permission", ["Properties"] = properties };
        }
    }
}
