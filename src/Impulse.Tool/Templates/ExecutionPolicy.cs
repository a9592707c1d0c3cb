using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>The function's execution permissions as an inline policy of the role SAM creates for it.</summary>
internal static class ExecutionPolicy
{
    /// <summary>The SAM <c>Policies</c> list holding the manifest's policy document, or null when it grants nothing.</summary>
    public static JsonArray? Build(FunctionSpec function)
    {
        if (function.Permissions?.OptionalObject("execution") is not { } execution)
            return null;

        var statements = execution.RequiredArray("Statement");
        foreach (var statement in statements.Items())
        {
            var effect = statement.RequiredString("Effect");
            if (effect is not ("Allow" or "Deny"))
                throw ManifestNode.Error($"The manifest's {statement.Describe("Effect")} is '{effect}'; it must be Allow or Deny.");
        }
        if (statements.Element.GetArrayLength() == 0)
            return null;

        // Derived ARNs carry ${AWS::Region} and ${AWS::AccountId}; Fn::Sub resolves them for the stack.
        var document = new JsonObject
        {
            ["Version"] = execution.OptionalString("Version") ?? "2012-10-17",
            ["Statement"] = Intrinsics.SubAll(JsonNode.Parse(statements.Element.GetRawText())),
        };
        return [document];
    }
}
