using System.Text.Json.Nodes;

namespace Impulse.Tool.Tests.Templates;

/// <summary>
/// Resolves the intrinsic functions a template uses as CloudFormation would for a stack in us-east-1 of account
/// 000000000000, so a resource's properties can be checked against a schema that expects plain strings.
/// A <c>Ref</c> or <c>Fn::GetAtt</c> must name a function of the template, or resolution fails.
/// </summary>
internal sealed class IntrinsicResolver(JsonObject template)
{
    public const string Region = "us-east-1";
    public const string Account = "000000000000";

    public JsonNode? Resolve(JsonNode? node)
    {
        if (node is JsonObject obj && obj.Count == 1)
        {
            var (name, argument) = obj.First();
            switch (name)
            {
                case "Fn::Sub":
                    return Substitute(argument!.GetValue<string>());
                case "Ref":
                    return RefOf(argument!.GetValue<string>());
                case "Fn::GetAtt":
                    var target = argument!.AsArray();
                    Assert.Equal("Arn", target[1]!.GetValue<string>());
                    return FunctionArn(target[0]!.GetValue<string>());
            }
        }

        return node switch
        {
            JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Resolve).ToArray()),
            _ => node?.DeepClone(),
        };
    }

    private static string Substitute(string text)
    {
        var resolved = text
            .Replace("${AWS::Region}", Region, StringComparison.Ordinal)
            .Replace("${AWS::AccountId}", Account, StringComparison.Ordinal)
            .Replace("${AWS::Partition}", "aws", StringComparison.Ordinal);
        Assert.DoesNotContain("${AWS::", resolved, StringComparison.Ordinal);
        return resolved.Replace("${!", "${", StringComparison.Ordinal);
    }

    private string RefOf(string logicalId)
    {
        // SAM's reference to the alias it publishes: FunctionId.Alias.
        var dot = logicalId.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
            return FunctionArn(logicalId);
        Assert.Equal(".Alias", logicalId[dot..]);
        var function = logicalId[..dot];
        return $"{FunctionArn(function)}:{Function(function)["Properties"]!["AutoPublishAlias"]!.GetValue<string>()}";
    }

    private string FunctionArn(string logicalId) =>
        $"arn:aws:lambda:{Region}:{Account}:function:{Function(logicalId)["Properties"]!["FunctionName"]!.GetValue<string>()}";

    private JsonObject Function(string logicalId)
    {
        var resource = template["Resources"]![logicalId];
        Assert.True(resource is not null, $"The template references '{logicalId}', which it does not define.");
        Assert.Equal("AWS::Serverless::Function", resource["Type"]!.GetValue<string>());
        return resource.AsObject();
    }
}
