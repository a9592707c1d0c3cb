using System.Text.Json;
using System.Text.RegularExpressions;

namespace Impulse.Generators.Tests.Permissions;

/// <summary>
/// Checks that a document is an IAM policy by its structure, as IAM's grammar states it: Version
/// "2012-10-17"; a Statement array; each statement with Effect Allow or Deny, Action a string or array of
/// <c>service:Action</c>, Resource a string or array of ARNs or <c>*</c>, a Sid unique in the document,
/// and an optional Condition object of operator → key → value or values. Independent of the generator's
/// own rules, so a mistake in them does not hide here.
/// </summary>
internal static partial class IamPolicyValidator
{
    private static readonly HashSet<string> StatementKeys = ["Sid", "Effect", "Action", "Resource", "Condition"];

    public static void AssertValid(JsonElement policy)
    {
        var problems = Problems(policy);
        Assert.True(problems.Count == 0, "Not a valid IAM policy:\n  " + string.Join("\n  ", problems) + "\n" + policy);
    }

    /// <summary>Asserts that every function in a manifest has a valid execution policy and well-formed invoke grants.</summary>
    public static void AssertManifestValid(JsonElement manifest)
    {
        foreach (var function in manifest.GetProperty("functions").EnumerateArray())
        {
            var permissions = function.GetProperty("permissions");
            AssertValid(permissions.GetProperty("execution"));
            var sids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var grant in permissions.GetProperty("invoke").EnumerateArray())
            {
                var sid = grant.GetProperty("sid").GetString()!;
                Assert.Matches("^[A-Za-z0-9]{1,100}$", sid);
                Assert.True(sids.Add(sid), $"Invoke Sid '{sid}' is not unique in {function.GetProperty("name")}.");
                Assert.Equal("lambda:InvokeFunction", grant.GetProperty("action").GetString());
                Assert.Matches(@"^(\*|\d{12}|[a-z0-9.-]+\.amazonaws\.com|arn:aws:(iam|sts)::\d{12}:.+)$", grant.GetProperty("principal").GetString());
                Assert.Contains(grant.GetProperty("origin").GetString(), new[] { "trigger", "declared" });
                if (grant.TryGetProperty("sourceArn", out var arn))
                    Assert.True(IsArn(arn.GetString()!), $"sourceArn '{arn}' is not an ARN.");
                if (grant.TryGetProperty("sourceAccount", out var account))
                    Assert.Matches(@"^(\d{12}|\$\{AWS::AccountId\})$", account.GetString());
            }
        }
    }

    public static List<string> Problems(JsonElement policy)
    {
        var problems = new List<string>();
        if (policy.ValueKind != JsonValueKind.Object)
            return ["the policy is not an object"];
        if (!policy.TryGetProperty("Version", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2012-10-17")
            problems.Add("Version is not \"2012-10-17\"");
        if (!policy.TryGetProperty("Statement", out var statements) || statements.ValueKind != JsonValueKind.Array)
            return [.. problems, "Statement is not an array"];

        var sids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var statement in statements.EnumerateArray())
        {
            var at = $"Statement[{index++}]";
            if (statement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{at} is not an object");
                continue;
            }
            foreach (var property in statement.EnumerateObject().Where(p => !StatementKeys.Contains(p.Name)))
                problems.Add($"{at} has an unknown key '{property.Name}'");
            if (!statement.TryGetProperty("Sid", out var sid) || sid.ValueKind != JsonValueKind.String || !AlphanumericSid().IsMatch(sid.GetString()!))
                problems.Add($"{at}.Sid is missing or not alphanumeric");
            else if (!sids.Add(sid.GetString()!))
                problems.Add($"{at}.Sid '{sid.GetString()}' is not unique");
            if (!statement.TryGetProperty("Effect", out var effect) || effect.GetString() is not ("Allow" or "Deny"))
                problems.Add($"{at}.Effect is not Allow or Deny");
            problems.AddRange(StringOrArray(statement, "Action", at, value => value == "*" || ActionPattern().IsMatch(value), "service:Action"));
            problems.AddRange(StringOrArray(statement, "Resource", at, value => value == "*" || IsArn(value), "an ARN or *"));
            if (statement.TryGetProperty("Condition", out var condition))
                problems.AddRange(ConditionProblems(condition, at));
        }
        return problems;
    }

    private static IEnumerable<string> StringOrArray(JsonElement statement, string key, string at, Func<string, bool> valid, string what)
    {
        if (!statement.TryGetProperty(key, out var value))
        {
            yield return $"{at}.{key} is missing";
            yield break;
        }
        var values = value.ValueKind switch
        {
            JsonValueKind.String => [value],
            JsonValueKind.Array => value.EnumerateArray().ToList(),
            _ => null,
        };
        if (values is null || values.Count == 0)
        {
            yield return $"{at}.{key} is not a string or a non-empty array";
            yield break;
        }
        foreach (var item in values)
        {
            if (item.ValueKind != JsonValueKind.String || !valid(item.GetString()!))
                yield return $"{at}.{key} '{item}' is not {what}";
        }
    }

    private static IEnumerable<string> ConditionProblems(JsonElement condition, string at)
    {
        if (condition.ValueKind != JsonValueKind.Object)
        {
            yield return $"{at}.Condition is not an object";
            yield break;
        }
        foreach (var op in condition.EnumerateObject())
        {
            if (op.Value.ValueKind != JsonValueKind.Object)
            {
                yield return $"{at}.Condition.{op.Name} is not an object of keys";
                continue;
            }
            foreach (var key in op.Value.EnumerateObject())
            {
                var values = key.Value.ValueKind == JsonValueKind.Array ? key.Value.EnumerateArray().ToList() : [key.Value];
                if (values.Count == 0 || values.Any(v => v.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                    yield return $"{at}.Condition.{op.Name}.{key.Name} is not a value or an array of values";
            }
        }
    }

    /// <summary><c>arn:partition:service:region:account:resource</c>, where fields may be <c>*</c> or CloudFormation pseudo-parameters.</summary>
    private static bool IsArn(string value)
    {
        var fields = PseudoParameter().Replace(value, "P").Split(':', 6);
        return fields.Length == 6 && fields[0] == "arn" && fields[1].Length > 0 && fields[2].Length > 0 && fields[5].Length > 0
            && !value.Any(char.IsWhiteSpace);
    }

    [GeneratedRegex(@"^[a-z0-9-]+:[A-Za-z0-9*]+$")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]+$")]
    private static partial Regex AlphanumericSid();

    [GeneratedRegex(@"\$\{AWS::[A-Za-z]+\}")]
    private static partial Regex PseudoParameter();
}
