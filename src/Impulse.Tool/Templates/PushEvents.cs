using System.Text.Json;
using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>SAM events for push triggers: the source invokes the function, and SAM grants it the permission to.</summary>
internal static class PushEvents
{
    private static readonly string[] HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY"];

    public static JsonObject Build(TriggerSpec trigger, TemplateParts parts) => trigger.Source switch
    {
        "http" => Http(trigger, parts),
        "s3" => S3(trigger, parts),
        "sns" => Event("SNS", new JsonObject { ["Topic"] = Intrinsics.ArnOf(trigger.Expression, "sns", "") }),
        "eventBridge" => EventBridge(trigger),
        "schedule" => Schedule(trigger),
        _ => throw new InvalidOperationException($"Push source '{trigger.Source}' passed validation but has no SAM event."),
    };

    /// <summary><c>"POST /orders/{id}"</c> → an HttpApi route on the app's HTTP API; a bare path means any method.</summary>
    private static JsonObject Http(TriggerSpec trigger, TemplateParts parts)
    {
        var route = trigger.Expression.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (method, path) = route.Length == 2 ? (route[0].ToUpperInvariant(), route[1]) : ("ANY", route.FirstOrDefault() ?? "");
        if (!HttpMethods.Contains(method, StringComparer.Ordinal) || !path.StartsWith('/'))
        {
            throw ManifestNode.Error(
                $"The manifest's {trigger.Node.Describe("expression")} '{trigger.Expression}' is not an HTTP route; write 'METHOD /path' with METHOD one of {string.Join(", ", HttpMethods)}.");
        }

        var properties = new JsonObject
        {
            ["ApiId"] = Intrinsics.Ref(parts.HttpApiId!),
            ["Method"] = method,
            ["Path"] = path,
        };
        if (trigger.Settings.OptionalBool("iamAuth"))
            properties["Auth"] = new JsonObject { ["Authorizer"] = "AWS_IAM" };
        return Event("HttpApi", properties);
    }

    private static JsonObject S3(TriggerSpec trigger, TemplateParts parts)
    {
        const string ArnPrefix = "arn:aws:s3:::";
        var bucket = trigger.Expression.StartsWith(ArnPrefix, StringComparison.Ordinal) ? trigger.Expression[ArnPrefix.Length..] : trigger.Expression;
        if (bucket.Length == 0 || bucket.Contains('/') || Intrinsics.IsArn(bucket))
            throw ManifestNode.Error($"The manifest's {trigger.Node.Describe("expression")} '{trigger.Expression}' is not an S3 bucket name or bucket ARN.");

        return Event("S3", new JsonObject
        {
            ["Bucket"] = Intrinsics.Ref(parts.Bucket(bucket)),
            ["Events"] = "s3:ObjectCreated:*",
        });
    }

    private static JsonObject EventBridge(TriggerSpec trigger)
    {
        JsonNode? pattern;
        try
        {
            pattern = JsonNode.Parse(trigger.Expression);
        }
        catch (JsonException e)
        {
            throw new SamTemplateException($"The manifest's {trigger.Node.Describe("expression")} is not an EventBridge event pattern: {e.Message}", e);
        }
        if (pattern is not JsonObject)
            throw ManifestNode.Error($"The manifest's {trigger.Node.Describe("expression")} must be an EventBridge event pattern, a JSON object; it is '{trigger.Expression}'.");
        var properties = new JsonObject { ["Pattern"] = pattern };
        AddRuleName(properties, "RuleName", trigger);
        return Event("EventBridgeRule", properties);
    }

    private static JsonObject Schedule(TriggerSpec trigger)
    {
        var expression = trigger.Expression;
        if (!(expression.StartsWith("rate(", StringComparison.Ordinal) || expression.StartsWith("cron(", StringComparison.Ordinal)) || !expression.EndsWith(')'))
            throw ManifestNode.Error($"The manifest's {trigger.Node.Describe("expression")} '{expression}' is not a schedule; write 'rate(...)' or 'cron(...)'.");
        var properties = new JsonObject { ["Schedule"] = expression };
        AddRuleName(properties, "Name", trigger);
        return Event("Schedule", properties);
    }

    /// <summary>
    /// Names the rule as the manifest does: the generator derived the invoke permission's source ARN from that
    /// name, so the deployed rule must carry it for the two to agree.
    /// </summary>
    private static void AddRuleName(JsonObject properties, string property, TriggerSpec trigger)
    {
        if (trigger.Settings.OptionalString("ruleName") is not { } rule)
            return;
        if (rule.Length is 0 or > 64 || !rule.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            throw ManifestNode.Error($"The manifest's {trigger.Settings.Describe("ruleName")} '{rule}' is not an EventBridge rule name: 1–64 letters, digits, '.', '-' or '_'.");
        properties[property] = rule;
    }

    internal static JsonObject Event(string type, JsonObject properties) => new() { ["Type"] = type, ["Properties"] = properties };
}
