using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Impulse.Generators.Permissions;

/// <summary>
/// What makes a declared permission well formed, asked by the analyzer (to report) and the generator (to
/// skip a function whose manifest would not be valid IAM). Each check returns what is wrong, or null.
/// </summary>
internal static class PermissionRules
{
    // Service prefixes are lower case letters, digits and hyphens; action names letters and digits, with * wildcards.
    private static readonly Regex Action = new(@"^[a-z0-9-]+:[A-Za-z0-9*]+$", RegexOptions.CultureInvariant);
    private static readonly Regex PseudoParameter = new(@"\$\{AWS::[A-Za-z]+\}", RegexOptions.CultureInvariant);
    private static readonly Regex Partition = new(@"^(aws[a-z-]*|\*|\u0001)$", RegexOptions.CultureInvariant);
    private static readonly Regex Service = new(@"^([a-z0-9-]+|\*)$", RegexOptions.CultureInvariant);
    private static readonly Regex Region = new(@"^([a-z0-9*-]*|\u0001)$", RegexOptions.CultureInvariant);
    private static readonly Regex Account = new(@"^(\d{12}|\*|aws|\u0001|)$", RegexOptions.CultureInvariant);
    private static readonly Regex AccountId = new(@"^\d{12}$", RegexOptions.CultureInvariant);
    private static readonly Regex ServicePrincipal = new(@"^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com(\.cn)?$", RegexOptions.CultureInvariant);

    public static string? ActionProblem(string action)
    {
        if (action == "*" || Action.IsMatch(action))
            return null;
        if (action.IndexOf(':') < 0)
            return "it has no service prefix; write service:Action, such as s3:GetObject";
        return action.Trim() != action
            ? "it has spaces around it"
            : "write service:Action, with a lower-case service prefix and an action of letters, digits and * wildcards, such as s3:GetObject";
    }

    /// <summary>A resource: an ARN, or <c>*</c>.</summary>
    public static string? ResourceProblem(string resource) => resource == "*" ? null : ArnProblem(resource);

    /// <summary>
    /// An ARN, <c>arn:partition:service:region:account:resource</c>; any field may be or hold <c>*</c> or a
    /// CloudFormation pseudo-parameter such as <c>${AWS::Region}</c>.
    /// </summary>
    public static string? ArnProblem(string arn)
    {
        if (arn.Length == 0)
            return "it is empty";
        if (arn.Any(char.IsWhiteSpace))
            return "it contains white space";
        var fields = ArnFields(arn);
        if (fields.Length < 6 || fields[0] != "arn")
            return "an ARN has six parts, arn:partition:service:region:account:resource";
        if (!Partition.IsMatch(fields[1]))
            return $"the partition '{fields[1]}' is not aws, aws-cn, aws-us-gov or ${{AWS::Partition}}";
        if (!Service.IsMatch(fields[2]))
            return $"the service '{fields[2]}' is not a service prefix such as s3 or dynamodb";
        if (!Region.IsMatch(fields[3]))
            return $"the region '{fields[3]}' is not a region such as us-east-1, * or ${{AWS::Region}}";
        if (!Account.IsMatch(fields[4]))
            return $"the account '{fields[4]}' is not a 12-digit account id, * or ${{AWS::AccountId}}";
        if (fields[5].Length == 0)
            return "the resource part after the account is empty";
        return null;
    }

    /// <summary>
    /// The six fields of an ARN (fewer when it has fewer colons). Pseudo-parameters hold colons of their own,
    /// so each is replaced by a placeholder that no field pattern takes for anything else.
    /// </summary>
    public static string[] ArnFields(string arn) => PseudoParameter.Replace(arn, "\u0001").Split(new[] { ':' }, 6);

    /// <summary>A principal that may invoke: a service principal, a 12-digit account id, an IAM ARN, or <c>*</c>.</summary>
    public static string? PrincipalProblem(string principal)
    {
        if (principal == "*" || AccountId.IsMatch(principal) || ServicePrincipal.IsMatch(principal))
            return null;
        if (principal.StartsWith("arn:", System.StringComparison.Ordinal))
        {
            var problem = ArnProblem(principal);
            if (problem is not null)
                return problem;
            var service = ArnFields(principal)[2];
            return service is "iam" or "sts" ? null : $"an ARN principal is an IAM or STS ARN, not '{service}'";
        }
        return "a principal is a service principal such as s3.amazonaws.com, a 12-digit account id, an IAM ARN, or *";
    }

    public static string? SourceAccountProblem(string account) =>
        AccountId.IsMatch(account) || account == AwsArns.AccountId ? null : "an account id is 12 digits";

    /// <summary>An IAM condition block: an object of operators, each an object of keys, each a value or an array of values.</summary>
    public static string? ConditionProblem(string condition)
    {
        var tree = JsonTree.Parse(condition, out var error);
        if (tree is null)
            return "it is not JSON: " + error;
        if (tree.Kind != JsonKind.Object)
            return "it is not a JSON object; write {\"Operator\": {\"key\": \"value\"}}";
        if (tree.Properties.Count == 0)
            return "it is an empty object; leave Condition out instead";
        foreach (var op in tree.Properties)
        {
            if (op.Value.Kind != JsonKind.Object || op.Value.Properties.Count == 0)
                return $"the operator \"{op.Key}\" must map to an object of condition keys and values";
            foreach (var key in op.Value.Properties)
            {
                var value = key.Value;
                var valid = value.IsPrimitive || (value.Kind == JsonKind.Array && value.Items.Count > 0 && value.Items.All(i => i.IsPrimitive));
                if (!valid)
                    return $"the key \"{key.Key}\" under \"{op.Key}\" must have a string, number or boolean, or an array of them";
            }
        }
        return null;
    }

    /// <summary>Whether a declared execution permission is well formed, resources and condition included.</summary>
    public static bool IsValidExecution(string action, IReadOnlyCollection<string> resources, string? condition) =>
        ActionProblem(action) is null
        && resources.Count > 0
        && resources.All(r => ResourceProblem(r) is null)
        && (condition is null || ConditionProblem(condition) is null);

    public static bool IsValidInvoke(string principal, string? sourceArn, string? sourceAccount) =>
        PrincipalProblem(principal) is null
        && (sourceArn is null || ArnProblem(sourceArn) is null)
        && (sourceAccount is null || SourceAccountProblem(sourceAccount) is null);
}
