using System.Text;
using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>CloudFormation intrinsic functions and the ARNs the template builds from resource names.</summary>
internal static class Intrinsics
{
    private const string PseudoParameterPrefix = "${AWS::";

    /// <summary>
    /// The string as a template value: plain when it holds no pseudo-parameter, else wrapped in <c>Fn::Sub</c>.
    /// Inside <c>Fn::Sub</c> every other <c>${</c> (such as the IAM policy variable <c>${aws:username}</c>) is
    /// escaped as <c>${!</c>, so CloudFormation leaves it for IAM instead of failing to resolve it.
    /// </summary>
    public static JsonNode Sub(string text)
    {
        if (!text.Contains(PseudoParameterPrefix, StringComparison.Ordinal))
            return JsonValue.Create(text);

        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            escaped.Append(text[i]);
            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{'
                && string.CompareOrdinal(text, i, PseudoParameterPrefix, 0, PseudoParameterPrefix.Length) != 0)
            {
                escaped.Append("{!");
                i++;
            }
        }
        return new JsonObject { ["Fn::Sub"] = escaped.ToString() };
    }

    /// <summary>Every string inside <paramref name="node"/> passed through <see cref="Sub"/>; object keys stay as they are.</summary>
    public static JsonNode? SubAll(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, SubAll(p.Value)))),
        JsonArray array => new JsonArray(array.Select(SubAll).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => Sub(text),
        _ => node?.DeepClone(),
    };

    public static JsonObject Ref(string logicalId) => new() { ["Ref"] = logicalId };

    public static JsonObject GetAtt(string logicalId, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(logicalId, attribute) };

    public static bool IsArn(string text) => text.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>The expression as an ARN: used as is when it is one, else built for this stack's partition, region and account.</summary>
    public static JsonNode ArnOf(string expression, string service, string resourcePrefix) =>
        Sub(IsArn(expression)
            ? expression
            : $"arn:${{AWS::Partition}}:{service}:${{AWS::Region}}:${{AWS::AccountId}}:{resourcePrefix}{expression}");
}
