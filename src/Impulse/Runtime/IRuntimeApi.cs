namespace Impulse.Runtime;

/// <summary>
/// The Lambda Runtime API (2018-06-01), as the invocation loop uses it. Status codes other than the
/// documented success surface as <see cref="RuntimeApiException"/>.
/// </summary>
internal interface IRuntimeApi : IDisposable
{
    /// <summary>
    /// True when calls do their I/O with blocking calls on the calling thread and return completed tasks.
    /// The invocation loop then keeps to that thread, waiting there for handlers that go asynchronous.
    /// </summary>
    bool Blocking { get; }

    /// <summary>
    /// Waits for the next invocation (<c>GET /runtime/invocation/next</c>). The returned body stays
    /// valid until the next call to this method.
    /// </summary>
    ValueTask<RuntimeInvocation> NextAsync(CancellationToken cancel);

    /// <summary>Posts a handler's result (<c>POST /runtime/invocation/{id}/response</c>, expects 202).</summary>
    ValueTask PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancel);

    /// <summary>Posts an invocation error (<c>POST /runtime/invocation/{id}/error</c>, expects 202).</summary>
    ValueTask PostErrorAsync(string requestId, string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancel);

    /// <summary>Posts an initialisation error (<c>POST /runtime/init/error</c>, expects 202).</summary>
    ValueTask PostInitErrorAsync(string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancel);
}

/// <summary>One invocation as <c>/next</c> delivers it.</summary>
internal readonly record struct RuntimeInvocation(
    string RequestId,
    long DeadlineUnixMs,
    string InvokedFunctionArn,
    string? TraceId,
    string? ClientContext,
    string? CognitoIdentity,
    ReadOnlyMemory<byte> Body);

/// <summary>The Runtime API answered with a status the loop did not expect.</summary>
internal sealed class RuntimeApiException(int statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status code, or 0 when the connection failed before a status arrived.</summary>
    public int StatusCode { get; } = statusCode;
}
