namespace Impulse.FakeRuntimeApi;

/// <summary>How the runtime finished an invocation: a response, or an error with its type.</summary>
/// <param name="RequestId">The invocation's request id.</param>
/// <param name="IsError">True when the runtime posted to <c>/error</c> rather than <c>/response</c>.</param>
/// <param name="Body">The posted body, byte for byte.</param>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header of an error, else null.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if it sent one.</param>
public sealed record InvocationOutcome(string RequestId, bool IsError, byte[] Body, string? ErrorType, string? ContentType);

/// <summary>An initialisation error the runtime reported to <c>/runtime/init/error</c>.</summary>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header.</param>
/// <param name="Body">The posted body, byte for byte.</param>
/// <param name="ContentType">The request's <c>Content-Type</c>, if it sent one.</param>
public sealed record InitError(string? ErrorType, byte[] Body, string? ContentType);

/// <summary>One request as the server received it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="ConnectionId">Kestrel's id for the connection it arrived on.</param>
/// <param name="Headers">The request headers, names compared ignoring case.</param>
/// <param name="BodyLength">How many body bytes arrived.</param>
public sealed record RecordedRequest(string Method, string Path, string ConnectionId, IReadOnlyDictionary<string, string> Headers, long BodyLength);
