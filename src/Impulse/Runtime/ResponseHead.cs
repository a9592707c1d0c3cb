namespace Impulse.Runtime;

/// <summary>How a response's body is delimited (RFC 9112 section 6.3).</summary>
internal enum BodyFraming
{
    None,
    ContentLength,
    Chunked,
    UntilClose,
}

/// <summary>A parsed status line and the header fields the Runtime API client acts on.</summary>
internal struct ResponseHead
{
    public int Status;
    public bool Http10;
    public BodyFraming Framing;
    public long ContentLength;
    public bool Chunked;
    public bool ConnectionClose;
    public bool ConnectionKeepAlive;

    /// <summary>False when the connection cannot carry another request once this response is read.</summary>
    public bool Reusable;

    public string? RequestId;
    public long? DeadlineUnixMs;
    public string? InvokedFunctionArn;
    public string? TraceId;
    public string? ClientContext;
    public string? CognitoIdentity;
}
