using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>
/// SAM events for pull triggers: each becomes an event source mapping. Settings are checked against the limits
/// AWS enforces, so a template that would fail at deploy time fails here with the setting named.
/// </summary>
internal static class PullEvents
{
    public static JsonObject Build(TriggerSpec trigger, TemplateParts parts) => trigger.Source switch
    {
        "queue" => Queue(trigger),
        "stream" => Stream(trigger, "Kinesis", Intrinsics.ArnOf(trigger.Expression, "kinesis", "stream/")),
        "dynamoDbStream" => Stream(trigger, "DynamoDB", DynamoDbStreamArn(trigger, parts)),
        _ => throw new InvalidOperationException($"Pull source '{trigger.Source}' passed validation but has no SAM event."),
    };

    private static JsonObject Queue(TriggerSpec trigger)
    {
        var settings = trigger.Settings;
        var batchSize = InRange(settings, "batchSize", 10, 1, 10000);
        var window = InRange(settings, "maxBatchingWindowSeconds", 0, 0, 300);
        if (batchSize > 10 && window < 1)
            throw ManifestNode.Error($"The manifest's {settings.Describe("batchSize")} is {batchSize}; SQS takes more than 10 messages a batch only with maxBatchingWindowSeconds of 1 or more.");

        var properties = new JsonObject
        {
            ["Queue"] = Intrinsics.ArnOf(trigger.Expression, "sqs", ""),
            ["BatchSize"] = batchSize,
        };
        if (window > 0)
            properties["MaximumBatchingWindowInSeconds"] = window;

        // SQS scaling is limited per event source mapping from 2 to 1000 concurrent invocations; 0 means no limit
        // beyond the function's. A limit of 1 cannot be expressed: serial processing needs reserved concurrency 1.
        var concurrency = settings.OptionalInt("maxConcurrency") ?? 0;
        if (concurrency is 1 or < 0 or > 1000)
        {
            throw ManifestNode.Error(
                $"The manifest's {settings.Describe("maxConcurrency")} is {concurrency}; SQS event sources accept 2–1000 (ScalingConfig.MaximumConcurrency), or 0 for no limit. For one batch at a time, set the function's reserved concurrency to 1 instead.");
        }
        if (concurrency > 0)
            properties["ScalingConfig"] = new JsonObject { ["MaximumConcurrency"] = concurrency };

        // maxRetryAttempts and deadLetterQueue are the queue's redrive policy in SQS, not the mapping's: the queue
        // is not part of this template, so they stay with the queue's own configuration.
        AddResponseTypes(properties, settings);
        return PushEvents.Event("SQS", properties);
    }

    private static JsonObject Stream(TriggerSpec trigger, string type, JsonNode streamArn)
    {
        var settings = trigger.Settings;
        var properties = new JsonObject
        {
            ["Stream"] = streamArn,
            ["StartingPosition"] = StartingPosition(settings),
            ["BatchSize"] = InRange(settings, "batchSize", 100, 1, 10000),
        };
        var window = InRange(settings, "maxBatchingWindowSeconds", 0, 0, 300);
        if (window > 0)
            properties["MaximumBatchingWindowInSeconds"] = window;
        properties["MaximumRetryAttempts"] = InRange(settings, "maxRetryAttempts", -1, -1, 10000);
        if (settings.OptionalBool("bisectBatchOnFunctionError"))
            properties["BisectBatchOnFunctionError"] = true;

        if (settings.OptionalString("deadLetterQueue") is { Length: > 0 } deadLetter)
        {
            // SAM's Type on the destination adds the send permission to the function's role.
            var isTopic = Intrinsics.IsArn(deadLetter) && deadLetter.Contains(":sns:", StringComparison.Ordinal);
            properties["DestinationConfig"] = new JsonObject
            {
                ["OnFailure"] = new JsonObject
                {
                    ["Type"] = isTopic ? "SNS" : "SQS",
                    ["Destination"] = Intrinsics.ArnOf(deadLetter, "sqs", ""),
                },
            };
        }

        AddResponseTypes(properties, settings);
        return PushEvents.Event(type, properties);
    }

    /// <summary>A stream ARN as given, or a template parameter when the expression is a table name.</summary>
    private static JsonNode DynamoDbStreamArn(TriggerSpec trigger, TemplateParts parts)
    {
        var expression = trigger.Expression;
        if (!Intrinsics.IsArn(expression))
            return Intrinsics.Ref(parts.StreamParameter(expression));
        if (!expression.Contains(":table/", StringComparison.Ordinal) || !expression.Contains("/stream/", StringComparison.Ordinal))
            throw ManifestNode.Error($"The manifest's {trigger.Node.Describe("expression")} '{expression}' is an ARN but not a DynamoDB stream ARN (…:table/NAME/stream/LABEL); give the stream's ARN or the table's name.");
        return Intrinsics.Sub(expression);
    }

    /// <summary>Where a new mapping starts reading: the oldest record still held unless the manifest says otherwise, so a first deployment drops nothing.</summary>
    private static string StartingPosition(ManifestNode settings)
    {
        var given = settings.OptionalString("startingPosition");
        return given?.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant() switch
        {
            null or "TRIMHORIZON" => "TRIM_HORIZON",
            "LATEST" => "LATEST",
            _ => throw ManifestNode.Error($"The manifest's {settings.Describe("startingPosition")} is '{given}'; it must be TRIM_HORIZON or LATEST."),
        };
    }

    private static void AddResponseTypes(JsonObject properties, ManifestNode settings)
    {
        if (settings.OptionalBool("reportBatchItemFailures"))
            properties["FunctionResponseTypes"] = new JsonArray("ReportBatchItemFailures");
    }

    private static int InRange(ManifestNode settings, string name, int fallback, int min, int max)
    {
        var value = settings.OptionalInt(name) ?? fallback;
        return value >= min && value <= max
            ? value
            : throw ManifestNode.Error($"The manifest's {settings.Describe(name)} is {value}; AWS accepts {min}–{max}.");
    }
}
