namespace Impulse;

/// <summary>The facts about one invocation that arrive with it, from the Runtime API or the local host.</summary>
internal sealed record InvocationInfo(
    string RequestId,
    string FunctionName,
    string FunctionVersion,
    string InvokedFunctionArn,
    int MemoryLimitInMb,
    DateTimeOffset Deadline,
    string? TraceId = null,
    string? ClientContext = null,
    string? Identity = null)
{
    /// <summary>When the runtime received the invocation; with the deadline it gives the configured timeout.</summary>
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The account and region local invocations claim, so ARNs keep AWS's shape off AWS.</summary>
    public const string LocalArnPrefix = "arn:aws:lambda:local:000000000000:function:";

    /// <summary>
    /// An invocation made off Lambda (the local commands, the local host, tests): a fresh request id,
    /// <c>$LATEST</c>, and a deadline <paramref name="timeout"/> (else the function's own) from now.
    /// </summary>
    public static InvocationInfo Local(Dispatch.FunctionInvoker invoker, TimeProvider time, TimeSpan? timeout = null, string? requestId = null)
    {
        var now = time.GetUtcNow();
        return new InvocationInfo(
            requestId ?? Guid.NewGuid().ToString(),
            invoker.Name,
            "$LATEST",
            LocalArnPrefix + invoker.Name,
            invoker.MemoryMb,
            now + (timeout ?? TimeSpan.FromSeconds(invoker.TimeoutSeconds))) { StartedAt = now };
    }
}
