using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Impulse.Tool.Tests.Templates;

/// <summary>
/// The references a template makes (<c>Ref</c>, <c>Fn::GetAtt</c>, <c>${...}</c> inside <c>Fn::Sub</c>) that
/// CloudFormation could not resolve. The SAM schema does not look at references, so this check does.
/// </summary>
internal static partial class TemplateReferences
{
    private static readonly string[] PseudoParameters =
        ["AWS::AccountId", "AWS::Region", "AWS::Partition", "AWS::URLSuffix", "AWS::StackName", "AWS::StackId", "AWS::NotificationARNs"];

    public static List<string> Unresolvable(JsonObject template)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        defined.UnionWith(template["Resources"]!.AsObject().Select(r => r.Key));
        if (template["Parameters"] is JsonObject parameters)
            defined.UnionWith(parameters.Select(p => p.Key));
        // SAM's reference to the alias it publishes for a function with AutoPublishAlias.
        defined.UnionWith(template["Resources"]!.AsObject()
            .Where(r => r.Value!["Properties"]?["AutoPublishAlias"] is not null)
            .Select(r => r.Key + ".Alias"));

        var problems = new List<string>();
        Walk(template["Resources"], "Resources", defined, problems);
        Walk(template["Outputs"], "Outputs", defined, problems);
        return problems;
    }

    private static void Walk(JsonNode? node, string path, HashSet<string> defined, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    var at = $"{path}.{key}";
                    if (key == "Ref" && !defined.Contains(value!.GetValue<string>()) && !PseudoParameters.Contains(value.GetValue<string>()))
                        problems.Add($"{at} names '{value}', which the template does not define");
                    else if (key == "Fn::GetAtt" && !defined.Contains(value![0]!.GetValue<string>()))
                        problems.Add($"{at} names '{value[0]}', which the template does not define");
                    else if (key == "Fn::Sub")
                        CheckSub(value!.GetValue<string>(), at, defined, problems);
                    else
                        Walk(value, at, defined, problems);
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Walk(array[i], $"{path}[{i}]", defined, problems);
                break;
        }
    }

    private static void CheckSub(string text, string path, HashSet<string> defined, List<string> problems)
    {
        foreach (Match variable in SubVariable().Matches(text))
        {
            var name = variable.Groups[1].Value;
            if (!name.StartsWith('!') && !PseudoParameters.Contains(name) && !defined.Contains(name))
                problems.Add($"{path} substitutes '${{{name}}}', which CloudFormation cannot resolve");
        }
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex SubVariable();
}
