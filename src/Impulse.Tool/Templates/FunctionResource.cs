using System.Text.Json.Nodes;

namespace Impulse.Tool.Templates;

/// <summary>The <c>AWS::Serverless::Function</c> resource for one function.</summary>
internal static class FunctionResource
{
    public static JsonObject Build(FunctionSpec function, IReadOnlyList<string> eventNames, TemplateParts parts, SamTemplateOptions options)
    {
        var properties = new JsonObject
        {
            // The manifest's names are the functions' names: ARNs, log groups and permissions derived from them hold.
            ["FunctionName"] = function.Name,
        };
        if (function.Description is { Length: > 0 } description)
            properties["Description"] = description;
        properties["Handler"] = function.Handler;
        properties["Runtime"] = function.Runtime;
        properties["Architectures"] = new JsonArray(function.Architecture);
        properties["MemorySize"] = function.MemoryMb;
        properties["Timeout"] = function.TimeoutSeconds;
        properties["CodeUri"] = options.CodeUri;
        if (options.AutoPublishAlias is { } alias)
            properties["AutoPublishAlias"] = alias;
        if (function.ReservedConcurrency > 0)
            properties["ReservedConcurrentExecutions"] = function.ReservedConcurrency;
        if (function.Environment.Count > 0)
        {
            var variables = new JsonObject();
            foreach (var (name, value) in function.Environment.OrderBy(v => v.Key, StringComparer.Ordinal))
                variables[name] = value;
            properties["Environment"] = new JsonObject { ["Variables"] = variables };
        }
        if (ExecutionPolicy.Build(function) is { } policies)
            properties["Policies"] = policies;

        if (function.Triggers.Count > 0)
        {
            var events = new JsonObject();
            for (var i = 0; i < function.Triggers.Count; i++)
            {
                var trigger = function.Triggers[i];
                events[eventNames[i]] = trigger.IsPull ? PullEvents.Build(trigger, parts) : PushEvents.Build(trigger, parts);
            }
            properties["Events"] = events;
        }

        return new JsonObject { ["Type"] = "AWS::Serverless::Function", ["Properties"] = properties };
    }
}
