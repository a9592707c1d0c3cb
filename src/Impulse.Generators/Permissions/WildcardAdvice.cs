using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Impulse.Generators.Permissions;

/// <summary>
/// Recognises wildcard actions and resources and names the narrower choice where one is known: the
/// actions the function already uses or that are common for the service, and the ARN form of its resources.
/// </summary>
internal static class WildcardAdvice
{
    // Resource ARNs by service, with the parts to fill in capitalised.
    private static readonly Dictionary<string, string> ResourceForms = new(StringComparer.Ordinal)
    {
        ["dynamodb"] = AwsArns.Regional("dynamodb", "table/NAME"),
        ["sqs"] = AwsArns.Regional("sqs", "QUEUE"),
        ["sns"] = AwsArns.Regional("sns", "TOPIC"),
        ["s3"] = "arn:aws:s3:::BUCKET/KEY",
        ["kinesis"] = AwsArns.Regional("kinesis", "stream/NAME"),
        ["ssm"] = AwsArns.Regional("ssm", "parameter/NAME"),
        ["kms"] = AwsArns.Regional("kms", "key/KEY-ID"),
        ["secretsmanager"] = AwsArns.Regional("secretsmanager", "secret:NAME"),
        ["lambda"] = AwsArns.Regional("lambda", "function:NAME"),
        ["events"] = AwsArns.Regional("events", "event-bus/NAME"),
        ["logs"] = AwsArns.Regional("logs", "log-group:NAME"),
        ["states"] = AwsArns.Regional("states", "stateMachine:NAME"),
    };

    // Actions functions commonly need, by service: suggestions when the code gives no better hint.
    private static readonly Dictionary<string, string[]> CommonActions = new(StringComparer.Ordinal)
    {
        ["dynamodb"] = new[] { "GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem" },
        ["s3"] = new[] { "GetObject", "PutObject", "DeleteObject", "ListBucket" },
        ["sqs"] = new[] { "SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes", "ChangeMessageVisibility" },
        ["sns"] = new[] { "Publish" },
        ["kinesis"] = new[] { "PutRecord", "PutRecords", "GetRecords", "GetShardIterator", "DescribeStream" },
        ["ssm"] = new[] { "GetParameter", "GetParameters", "GetParametersByPath" },
        ["kms"] = new[] { "Decrypt", "Encrypt", "GenerateDataKey" },
        ["secretsmanager"] = new[] { "GetSecretValue" },
        ["lambda"] = new[] { "InvokeFunction" },
        ["events"] = new[] { "PutEvents" },
        ["logs"] = new[] { "CreateLogStream", "PutLogEvents" },
    };

    private const int MaxSuggestions = 4;

    public static bool IsWildcardAction(string action) => action.IndexOf('*') >= 0;

    /// <summary>
    /// Whether a resource grants a whole service or resource type: <c>*</c>, <c>arn:…:*</c>, or <c>arn:…:table/*</c>.
    /// An S3 object pattern such as <c>arn:aws:s3:::bucket/*</c> names a bucket, so it is not one.
    /// </summary>
    public static bool IsWildcardResource(string resource)
    {
        if (resource == "*")
            return true;
        var fields = PermissionRules.ArnFields(resource);
        if (fields.Length < 6)
            return false;
        var part = fields[5];
        return part == "*" || (fields[2] != "s3" && Regex.IsMatch(part, @"^[A-Za-z-]+[/:]\*$", RegexOptions.CultureInvariant));
    }

    /// <summary>
    /// What to write instead of <paramref name="action"/>: actions it matches that the function already uses
    /// (<paramref name="known"/>, declared or derived), then common ones for the service; empty when none is known.
    /// </summary>
    public static IReadOnlyList<string> NarrowerActions(string action, IEnumerable<string> known)
    {
        var colon = action.IndexOf(':');
        var service = colon < 0 ? null : action.Substring(0, colon);
        var pattern = new Regex("^" + Regex.Escape(action).Replace(@"\*", ".*") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var common = service is not null && CommonActions.TryGetValue(service, out var names)
            ? names.Select(n => service + ":" + n)
            : Enumerable.Empty<string>();
        return known.Where(a => !IsWildcardAction(a))
            .Concat(common)
            .Where(a => pattern.IsMatch(a))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .ToList();
    }

    /// <summary>The ARN form for the service of <paramref name="action"/>, or null when the service is not one Impulse knows.</summary>
    public static string? NarrowerResource(string action)
    {
        var colon = action.IndexOf(':');
        return colon > 0 && ResourceForms.TryGetValue(action.Substring(0, colon), out var form) ? form : null;
    }
}
