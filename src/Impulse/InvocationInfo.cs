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
}
