namespace Impulse;

/// <summary>
/// What a handler knows about the invocation it serves: identity, limits, deadline, logger and a
/// cancellation token that fires when the deadline passes.
/// </summary>
public sealed class FunctionContext
{
    private readonly CancellationTokenSource _deadline;

    internal FunctionContext(InvocationInfo info, FunctionLogger logger, TimeProvider time)
    {
        Info = info;
        Logger = logger;
        Time = time;
        var remaining = info.Deadline - time.GetUtcNow();
        _deadline = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, time);
    }

    internal InvocationInfo Info { get; }
    internal TimeProvider Time { get; }

    /// <summary>The request id of this invocation, as Lambda reports it.</summary>
    public string RequestId => Info.RequestId;

    /// <summary>The name of the function being invoked.</summary>
    public string FunctionName => Info.FunctionName;

    /// <summary>The version being executed: <c>$LATEST</c> or a published version number.</summary>
    public string FunctionVersion => Info.FunctionVersion;

    /// <summary>The ARN the caller invoked, with its qualifier if it named one.</summary>
    public string InvokedFunctionArn => Info.InvokedFunctionArn;

    /// <summary>The memory configured for the function, in MB.</summary>
    public int MemoryLimitInMb => Info.MemoryLimitInMb;

    /// <summary>When the invocation times out.</summary>
    public DateTimeOffset Deadline => Info.Deadline;

    /// <summary>Time left before the deadline; zero once it has passed.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Info.Deadline - Time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The X-Ray trace header, when tracing is on.</summary>
    public string? TraceId => Info.TraceId;

    /// <summary>The client context a mobile SDK sent, as raw JSON.</summary>
    public string? ClientContext => Info.ClientContext;

    /// <summary>The Cognito identity of the caller, as raw JSON.</summary>
    public string? Identity => Info.Identity;

    /// <summary>A logger whose lines carry this invocation's request id.</summary>
    public FunctionLogger Logger { get; }

    /// <summary>Fires when the deadline passes.</summary>
    public CancellationToken CancellationToken => _deadline.Token;

    internal void Release() => _deadline.Dispose();
}
