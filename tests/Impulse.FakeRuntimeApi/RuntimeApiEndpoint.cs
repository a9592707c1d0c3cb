namespace Impulse.FakeRuntimeApi;

/// <summary>The four Runtime API endpoints, for aiming faults at one of them.</summary>
public enum RuntimeApiEndpoint
{
    /// <summary><c>GET /2018-06-01/runtime/invocation/next</c>.</summary>
    Next,

    /// <summary><c>POST /2018-06-01/runtime/invocation/{id}/response</c>.</summary>
    Response,

    /// <summary><c>POST /2018-06-01/runtime/invocation/{id}/error</c>.</summary>
    Error,

    /// <summary><c>POST /2018-06-01/runtime/init/error</c>.</summary>
    InitError,
}
