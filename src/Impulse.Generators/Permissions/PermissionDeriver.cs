using System;
using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;

namespace Impulse.Generators.Permissions;

/// <summary>
/// Derives a function's permissions from its triggers and merges in what it declares. Pure: the same
/// function always gives the same permissions, with the same Sids, in the same order.
/// </summary>
internal static class PermissionDeriver
{
    private static readonly string[] QueuePollActions =
        { "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage" };

    private static readonly string[] KinesisPollActions =
    {
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator",
        "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard",
    };

    private static readonly string[] DynamoDbStreamPollActions =
        { "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams" };

    public static PermissionSetModel Derive(FunctionModel function) =>
        Derive(function.Name, function.Triggers, function.InvokePermissions, function.ExecutionPermissions);

    public static PermissionSetModel Derive(
        string functionName,
        IEnumerable<TriggerModel> triggers,
        IEnumerable<InvokePermissionModel> declaredInvoke,
        IEnumerable<ExecutionPermissionModel> declaredExecution)
    {
        var triggerList = triggers.ToList();
        return new PermissionSetModel(
            InvokeGrants(functionName, triggerList, declaredInvoke),
            ExecutionPolicy(functionName, triggerList, declaredExecution));
    }

    private static EquatableArray<InvokeGrantModel> InvokeGrants(string functionName, List<TriggerModel> triggers, IEnumerable<InvokePermissionModel> declared)
    {
        var grants = new List<(string Sid, InvokePermissionModel Grant, string Origin)>();
        var rules = EventRuleNames.ForTriggers(functionName, triggers.Select(t => (t.Kind, t.Source)));
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            if (trigger.Kind != "push")
                continue;
            var grant = trigger.Source switch
            {
                "s3" => (Sids.Pascal("S3Invoke", NameOf(trigger.Expression)), new InvokePermissionModel("s3.amazonaws.com", AwsArns.Bucket(trigger.Expression), AwsArns.AccountId)),
                "sns" => (Sids.Pascal("SnsInvoke", NameOf(trigger.Expression)), new InvokePermissionModel("sns.amazonaws.com", AwsArns.Topic(trigger.Expression), null)),
                "eventBridge" or "schedule" => (Sids.Pascal("EventsInvoke", rules[i]!), new InvokePermissionModel("events.amazonaws.com", AwsArns.Rule(rules[i]!), null)),
                "http" => (RouteSid(trigger.Expression), new InvokePermissionModel("apigateway.amazonaws.com", AwsArns.Route(trigger.Expression), null)),
                _ => ((string, InvokePermissionModel)?)null,
            };
            if (grant is { } g)
                grants.Add((g.Item1, g.Item2, InvokeGrantModel.FromTrigger));
        }
        foreach (var permission in declared)
            grants.Add((Sids.Pascal("Invoke", permission.Principal), permission, InvokeGrantModel.Declared));

        // The same grant twice (a trigger and a declaration, or a method and its class) is one grant; derived wins.
        var unique = grants
            .GroupBy(g => g.Grant)
            .Select(group => group.OrderBy(g => g.Origin == InvokeGrantModel.FromTrigger ? 0 : 1).First())
            .OrderBy(g => g.Sid, StringComparer.Ordinal)
            .ThenBy(g => g.Grant.Principal, StringComparer.Ordinal)
            .ThenBy(g => g.Grant.SourceArn ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(g => g.Grant.SourceAccount ?? string.Empty, StringComparer.Ordinal)
            .ToList();
        var sids = Sids.MakeUnique(unique.Select(g => g.Sid).ToList());
        return unique
            .Select((g, i) => new InvokeGrantModel(sids[i], g.Grant.Principal, g.Grant.SourceArn, g.Grant.SourceAccount, g.Origin))
            .OrderBy(g => g.Sid, StringComparer.Ordinal)
            .ToEquatableArray();
    }

    private static EquatableArray<PolicyStatementModel> ExecutionPolicy(string functionName, List<TriggerModel> triggers, IEnumerable<ExecutionPermissionModel> declared)
    {
        // Every function writes its own log group, and only that one.
        var policy = new PolicyBuilder()
            .Add("LogGroup", new[] { "logs:CreateLogGroup" }, new[] { AwsArns.LogGroup(functionName) }, null, derived: true)
            .Add("Logs", new[] { "logs:CreateLogStream", "logs:PutLogEvents" }, new[] { AwsArns.LogStreams(functionName) }, null, derived: true);

        foreach (var trigger in triggers.Where(t => t.Kind == "pull"))
        {
            var name = NameOf(trigger.Expression);
            switch (trigger.Source)
            {
                case "queue":
                    policy.Add("PollQueue" + Sids.Pascal(name), QueuePollActions, new[] { AwsArns.Queue(trigger.Expression) }, null, derived: true);
                    break;
                case "stream":
                    policy.Add("PollStream" + Sids.Pascal(name), KinesisPollActions, new[] { AwsArns.KinesisStream(trigger.Expression) }, null, derived: true);
                    break;
                case "dynamoDbStream":
                    policy.Add("PollTable" + Sids.Pascal(name), DynamoDbStreamPollActions, new[] { AwsArns.TableStreams(trigger.Expression) }, null, derived: true);
                    break;
            }
            if (!string.IsNullOrEmpty(trigger.DeadLetterQueue))
            {
                policy.Add("DeadLetter" + Sids.Pascal(NameOf(trigger.DeadLetterQueue!)), new[] { "sqs:SendMessage" },
                    new[] { AwsArns.Queue(trigger.DeadLetterQueue!) }, null, derived: true);
            }
        }

        foreach (var permission in declared)
        {
            var service = permission.Action.Split(':')[0];
            var resource = permission.Resources.Count > 0 ? NameOf(permission.Resources[0]) : string.Empty;
            policy.Add(Sids.Pascal(service, resource), new[] { permission.Action }, permission.Resources, NormalizedCondition(permission.Condition), derived: false);
        }
        return policy.Build();
    }

    /// <summary><c>GET /orders/{orderId}</c> → <c>ApiInvokeGetOrdersOrderId</c>: the method read as a word, the path as written.</summary>
    private static string RouteSid(string route)
    {
        var trimmed = route.Trim();
        var space = trimmed.IndexOf(' ');
        return space < 0
            ? Sids.Pascal("ApiInvoke", trimmed)
            : Sids.Pascal("ApiInvoke", trimmed.Substring(0, space).ToLowerInvariant(), trimmed.Substring(space + 1));
    }

    /// <summary>The name at the end of an ARN (<c>table/Orders</c> → <c>Orders</c>), or the text itself when it is a plain name.</summary>
    internal static string NameOf(string nameOrArn)
    {
        if (!AwsArns.IsArn(nameOrArn))
            return nameOrArn;
        var trimmed = nameOrArn.TrimEnd('*', '/', ':');
        var cut = trimmed.LastIndexOfAny(new[] { '/', ':' });
        return cut < 0 ? trimmed : trimmed.Substring(cut + 1);
    }

    /// <summary>The condition as compact JSON, so two spellings of one condition merge; as written if it is not JSON (the analyzer reports that).</summary>
    private static string? NormalizedCondition(string? condition)
    {
        if (string.IsNullOrWhiteSpace(condition))
            return null;
        return JsonTree.Parse(condition!, out _)?.ToCompactJson() ?? condition;
    }
}
