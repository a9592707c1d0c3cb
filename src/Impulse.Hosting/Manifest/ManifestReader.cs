using System.Text.Json;
using Impulse.Dispatch;
using Impulse.Hosting.Streams;

namespace Impulse.Hosting.Manifest;

/// <summary>What the local host needs to know about one function, beyond what its invoker carries.</summary>
/// <param name="Invoker">The generated invoker.</param>
/// <param name="ReservedConcurrency">The most concurrent invocations; 0 for no limit of its own.</param>
/// <param name="HttpRoutes">The expressions of its HTTP push triggers, such as <c>POST /orders/{id}</c>.</param>
/// <param name="OtherTriggers">Its triggers this host does not serve, as <c>source expression</c>, for the start-up listing.</param>
/// <param name="Descriptor">What <c>ListFunctions</c> reports: handler, runtime, architecture, description.</param>
internal sealed record FunctionSpec(FunctionInvoker Invoker, int ReservedConcurrency, IReadOnlyList<string> HttpRoutes, IReadOnlyList<string> OtherTriggers, FunctionDescriptor Descriptor)
{
    public string Name => Invoker.Name;

    /// <summary>Its queue pull triggers, which pollers serve.</summary>
    public IReadOnlyList<QueueTriggerSpec> QueueTriggers { get; init; } = [];

    /// <summary>The expressions of its schedule push triggers, such as <c>rate(5 minutes)</c>.</summary>
    public IReadOnlyList<string> Schedules { get; init; } = [];

    /// <summary>Its stream pull triggers (Kinesis and DynamoDB Streams), which shard pollers serve.</summary>
    public IReadOnlyList<StreamTriggerSpec> StreamTriggers { get; init; } = [];
}

/// <summary>A queue pull trigger with the settings the manifest gives it (Lambda's event source mapping).</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="BatchSize">The most messages in one invocation.</param>
/// <param name="MaxBatchingWindowSeconds">How long to gather messages before invoking with fewer than a full batch.</param>
/// <param name="MaxConcurrency">The most batches of this trigger in flight at once; 0 for the host's default.</param>
/// <param name="MaxRetryAttempts">Receives after the first before a message goes to <paramref name="DeadLetterQueue"/>.</param>
/// <param name="DeadLetterQueue">Where messages go after their last attempt; null to keep retrying.</param>
internal sealed record QueueTriggerSpec(string Queue, int BatchSize, int MaxBatchingWindowSeconds, int MaxConcurrency, int MaxRetryAttempts, string? DeadLetterQueue);

/// <summary>The descriptor fields the Lambda API reports about a function.</summary>
internal sealed record FunctionDescriptor(string Handler, string Runtime, string Architecture, string? Description)
{
    public static FunctionDescriptor Default(string name) => new(name, "provided.al2023", "x86_64", null);
}

/// <summary>
/// Reads the generated manifest with <see cref="JsonDocument"/>: the manifest, not the invokers, carries the
/// triggers and reserved concurrency, and reading it keeps the host free of reflection.
/// </summary>
internal static class ManifestReader
{
    public const string Schema = "impulse.manifest/2";

    /// <exception cref="InvalidOperationException">The manifest is not one this host understands, or names a
    /// function the dispatch table lacks.</exception>
    public static IReadOnlyList<FunctionSpec> Read(FunctionApplication app)
    {
        using var document = JsonDocument.Parse(app.ManifestJson.ToArray());
        var root = document.RootElement;
        if (!root.TryGetProperty("schema"u8, out var schema) || schema.ValueKind != JsonValueKind.String || schema.GetString() != Schema)
            throw new InvalidOperationException($"The app's manifest is not '{Schema}'; rebuild the app with the Impulse generator this host came with.");

        var functions = new List<FunctionSpec>();
        foreach (var function in root.GetProperty("functions"u8).EnumerateArray())
        {
            var name = function.GetProperty("name"u8).GetString() ?? "";
            var invoker = app.Find(name)
                ?? throw new InvalidOperationException($"The manifest names function '{name}', which the app's dispatch table lacks.");
            var reserved = function.TryGetProperty("reservedConcurrency"u8, out var r) && r.ValueKind == JsonValueKind.Number ? r.GetInt32() : 0;
            var descriptor = new FunctionDescriptor(
                StringOf(function, "handler"u8) ?? name,
                StringOf(function, "runtime"u8) ?? "provided.al2023",
                StringOf(function, "architecture"u8) ?? "x86_64",
                StringOf(function, "description"u8));
            var (http, other, queues, schedules, streams) = TriggersOf(function, name);
            functions.Add(new FunctionSpec(invoker, Math.Max(0, reserved), http, other, descriptor) { QueueTriggers = queues, Schedules = schedules, StreamTriggers = streams });
        }

        // Functions the manifest leaves out (an older generator) are still invocable through the Invoke API.
        foreach (var invoker in app.Functions)
        {
            if (!functions.Exists(f => f.Name == invoker.Name))
                functions.Add(new FunctionSpec(invoker, 0, [], [], FunctionDescriptor.Default(invoker.Name)));
        }

        functions.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return functions;
    }

    private static (List<string> Http, List<string> Other, List<QueueTriggerSpec> Queues, List<string> Schedules, List<StreamTriggerSpec> Streams) TriggersOf(JsonElement function, string name)
    {
        var http = new List<string>();
        var other = new List<string>();
        var queues = new List<QueueTriggerSpec>();
        var schedules = new List<string>();
        var streams = new List<StreamTriggerSpec>();
        if (!function.TryGetProperty("triggers"u8, out var triggers) || triggers.ValueKind != JsonValueKind.Array)
            return (http, other, queues, schedules, streams);
        foreach (var trigger in triggers.EnumerateArray())
        {
            var kind = StringOf(trigger, "kind"u8);
            var source = StringOf(trigger, "source"u8);
            var expression = StringOf(trigger, "expression"u8) ?? "";
            if (kind == "push" && source == "http")
                http.Add(expression);
            else if (kind == "push" && source == "schedule")
                schedules.Add(expression);
            else if (kind == "pull" && source == "queue")
                queues.Add(QueueTriggerOf(expression, trigger));
            else if (kind == "pull" && StreamTriggerSpec.TryRead(source, expression, trigger, name, out var stream))
                streams.Add(stream);
            else
                other.Add($"{source} {expression}");
        }

        return (http, other, queues, schedules, streams);
    }

    private static QueueTriggerSpec QueueTriggerOf(string queue, JsonElement trigger)
    {
        var settings = trigger.TryGetProperty("settings"u8, out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        // Lambda's defaults for an SQS event source mapping where the manifest is silent.
        return new QueueTriggerSpec(
            queue,
            Math.Max(1, IntOf(settings, "batchSize"u8) ?? 10),
            Math.Max(0, IntOf(settings, "maxBatchingWindowSeconds"u8) ?? 0),
            Math.Max(0, IntOf(settings, "maxConcurrency"u8) ?? 0),
            Math.Max(0, IntOf(settings, "maxRetryAttempts"u8) ?? 3),
            settings.ValueKind == JsonValueKind.Object ? StringOf(settings, "deadLetterQueue"u8) : null);
    }

    private static int? IntOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static string? StringOf(JsonElement element, ReadOnlySpan<byte> name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
