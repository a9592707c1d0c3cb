using Impulse.Hosting.Invoke;
using Impulse.Hosting.Manifest;
using Impulse.Hosting.Routing;
using Impulse.Hosting.Schedules;

namespace Impulse.Hosting;

/// <summary>What the host prints when it starts: where it listens, its routes and its functions.</summary>
internal static class Banner
{
    public static void Write(TextWriter output, Uri address, IReadOnlyList<RouteTemplate> routes, IReadOnlyList<FunctionSpec> functions)
    {
        var root = address.GetLeftPart(UriPartial.Authority);
        output.WriteLine($"Impulse local host listening on {root}");
        output.WriteLine();
        if (routes.Count > 0)
        {
            output.WriteLine("HTTP routes:");
            var width = routes.Max(r => r.Path.Length);
            foreach (var route in routes.OrderBy(r => r.Path, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal))
                output.WriteLine($"  {route.Method,-7} {route.Path.PadRight(width)}  -> {route.FunctionName}");
            output.WriteLine();
        }

        output.WriteLine("Invoke API:");
        output.WriteLine($"  POST    {InvokeApi.Prefix}/{{name}}/invocations");
        output.WriteLine($"  GET     {InvokeApi.Prefix}");
        output.WriteLine();
        if (functions.Any(f => f.Schedules.Count > 0))
        {
            output.WriteLine("Schedules (fire one now):");
            output.WriteLine($"  POST    {ScheduleEndpoint.Prefix}{{name}}/fire");
            output.WriteLine();
        }

        output.WriteLine("Functions:");
        var nameWidth = functions.Count == 0 ? 0 : functions.Max(f => f.Name.Length);
        foreach (var function in functions)
        {
            var invoker = function.Invoker;
            var limits = $"{invoker.MemoryMb} MB, {invoker.TimeoutSeconds} s" + (function.ReservedConcurrency > 0 ? $", reserved concurrency {function.ReservedConcurrency}" : "");
            output.WriteLine($"  {function.Name.PadRight(nameWidth)}  ({limits})");
            var pad = new string(' ', nameWidth);
            foreach (var schedule in function.Schedules)
                output.WriteLine($"  {pad}  schedule {schedule}");
            foreach (var queue in function.QueueTriggers)
                output.WriteLine($"  {pad}  queue {queue.Queue} (batch {queue.BatchSize}{(queue.DeadLetterQueue is { } dlq ? $", dead letters to {dlq}" : "")})");
            foreach (var stream in function.StreamTriggers)
                output.WriteLine($"  {pad}  {(stream.Kind == Streams.StreamKind.Kinesis ? "stream" : "dynamodb stream")} {stream.Stream} (batch {stream.BatchSize}{(stream.DeadLetterQueue is { } failures ? $", failures to {failures}" : "")})");
            // Triggers this host does not serve (Kafka, for one); saying so beats silently ignoring them.
            foreach (var trigger in function.OtherTriggers)
                output.WriteLine($"  {pad}  trigger not served locally yet: {trigger}");
        }

        output.WriteLine();
        // The Invoke API takes signed requests only; curl signs with a configured key (see docs/local-host.md).
        output.WriteLine($"Example: curl --aws-sigv4 aws:amz:REGION:lambda --user KEY_ID:SECRET -X POST {root}{InvokeApi.Prefix}/{(functions.Count > 0 ? functions[0].Name : "NAME")}/invocations -d '{{}}'");
        output.Flush();
    }
}
