namespace Impulse.Hosting.Tests.App;

/// <summary>Functions tests call through the Invoke API.</summary>
public static class InvokeFunctions
{
    [Function("greet")]
    public static Greeted Greet(Greeting greeting, FunctionContext context)
    {
        context.Logger.Info($"greeting {greeting.Name}");
        return new Greeted($"Hello, {greeting.Name}!");
    }

    [Function("fail")]
    public static Greeted Fail(Greeting greeting) => throw new InvalidOperationException($"boom for {greeting.Name}");

    [Function("context")]
    public static ContextSeen Context(Probe probe, FunctionContext context) =>
        new(context.RequestId, context.FunctionName, context.FunctionVersion, context.InvokedFunctionArn, context.ClientContext, probe.Key);

    /// <summary>Fails every time, counting its calls, to exercise asynchronous retries and the dead-letter queue.</summary>
    [Function("always-fails")]
    public static void AlwaysFails(Probe probe)
    {
        var call = Calls.Record(probe.Key);
        throw new InvalidOperationException($"failure {call} of {probe.Key}");
    }

    /// <summary>Fails on its first call per key and succeeds after, so one retry is enough.</summary>
    [Function("fails-once")]
    public static void FailsOnce(Probe probe)
    {
        if (Calls.Record(probe.Key) == 1)
            throw new InvalidOperationException("first call fails");
    }

    /// <summary>Counts its calls and succeeds.</summary>
    [Function("counted")]
    public static void Counted(Probe probe) => Calls.Record(probe.Key);

    /// <summary>Held on the latch its event names, with room for one invocation at a time.</summary>
    [Function("latched", ReservedConcurrency = 1, TimeoutSeconds = 10)]
    public static async Task<string> Latched(Probe probe, FunctionContext context)
    {
        Calls.Record(probe.Key);
        await Latches.Get(probe.Key).EnterAsync(context.CancellationToken).ConfigureAwait(false);
        return "released";
    }

    /// <summary>Held on a latch without a concurrency limit of its own, for the host-wide limit.</summary>
    [Function("latched-unreserved", TimeoutSeconds = 10)]
    public static async Task<string> LatchedUnreserved(Probe probe, FunctionContext context)
    {
        await Latches.Get(probe.Key).EnterAsync(context.CancellationToken).ConfigureAwait(false);
        return "released";
    }

    /// <summary>Runs past its one-second timeout.</summary>
    [Function("too-slow", TimeoutSeconds = 1)]
    public static async Task TooSlow(Probe probe, CancellationToken cancel) => await Task.Delay(TimeSpan.FromSeconds(30), cancel).ConfigureAwait(false);
}
