namespace Impulse.FakeRuntimeApi;

/// <summary>
/// Bends one answer of the fake server. With <see cref="Status"/> set, the request is answered with
/// that status and <see cref="Body"/> and otherwise ignored; without it, the real answer is sent,
/// shaped by the other properties.
/// </summary>
public sealed record ResponseFault
{
    /// <summary>The status to answer with instead of the real one; the invocation state is left alone.</summary>
    public int? Status { get; init; }

    /// <summary>The body sent with <see cref="Status"/>.</summary>
    public string? Body { get; init; }

    /// <summary>How long to wait before sending the status line and headers.</summary>
    public TimeSpan HeaderDelay { get; init; }

    /// <summary>When above zero, the body is written (and flushed) this many bytes at a time.</summary>
    public int DribbleBytes { get; init; }

    /// <summary>The pause between two dribbled pieces of the body.</summary>
    public TimeSpan DribbleDelay { get; init; }

    /// <summary>Sends the body with <c>Transfer-Encoding: chunked</c>, one chunk per dribbled piece.</summary>
    public bool Chunked { get; init; }

    /// <summary>When set, the connection is aborted once this many body bytes have been sent.</summary>
    public int? DropAfterBodyBytes { get; init; }

    /// <summary>Answers with <c>Connection: close</c>, so the server closes the connection afterwards.</summary>
    public bool CloseConnection { get; init; }
}
