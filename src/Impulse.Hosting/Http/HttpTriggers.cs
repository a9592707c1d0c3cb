using Impulse.Hosting.Execution;
using Impulse.Hosting.Routing;
using Impulse.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Http;

/// <summary>
/// Serves the app's HTTP push triggers as an API Gateway HTTP API does: routes the request, invokes the function
/// with a payload format 2.0 event and maps its result to the response. Routes are public unless marked for IAM
/// auth, whose callers must sign for <c>execute-api</c> and be allowed to invoke the function.
/// </summary>
internal sealed class HttpTriggers(HttpRouter router, IReadOnlyDictionary<string, HostedFunction> functions, FunctionExecutor executor, FunctionLogger log, TimeProvider time, InvocationGuard guard)
{
    public IReadOnlyList<RouteTemplate> Routes => router.Routes;

    public async Task HandleAsync(HttpContext http)
    {
        var request = http.Request;
        var response = http.Response;
        var target = RawRequestTarget.Of(http);
        var match = router.Match(request.Method.ToUpperInvariant(), target.Path);
        if (match.NotFound)
        {
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status404NotFound, "Not Found").ConfigureAwait(false);
            return;
        }

        if (match.MethodNotAllowed)
        {
            response.Headers.Allow = string.Join(", ", match.AllowedMethods!);
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed").ConfigureAwait(false);
            return;
        }

        var route = match.Route!;
        var function = functions[route.FunctionName];
        var requestId = Guid.NewGuid().ToString();
        response.Headers["apigw-requestid"] = requestId;

        var body = await RequestBody.ReadAsync(request, RequestBody.MaxSynchronousPayloadBytes, http.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large").ConfigureAwait(false);
            return;
        }

        if (route.IamAuth && Refuse(http, body, function.Name) is { } refusal)
        {
            log.Log(LogLevel.Warn, $"{route.RouteKey}: refused a caller of IAM-auth route: {refusal.Message}");
            await InvocationGuard.WriteGatewayRefusalAsync(response, refusal).ConfigureAwait(false);
            return;
        }

        var payload = HttpEventWriter.Write(http, new HttpEventContext(route, match.Parameters, target, body, requestId, executor.AccountId, time.GetUtcNow()));
        // The event, not the body, is what Lambda limits; base64 and headers make it larger than the body.
        if (payload.Length > RequestBody.MaxSynchronousPayloadBytes)
        {
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "Request Entity Too Large").ConfigureAwait(false);
            return;
        }

        var throttled = function.Gate.TryEnter();
        if (throttled != ThrottleReason.None)
        {
            log.Log(LogLevel.Warn, $"Throttled {route.RouteKey}: function '{function.Name}' is at its concurrency limit.", [new("reason", throttled.ToString())]);
            await ErrorResponses.WriteThrottledAsync(response, throttled).ConfigureAwait(false);
            return;
        }

        ExecutedInvocation result;
        try
        {
            result = await executor.RunAsync(function.Spec, new InvocationRequest(requestId, payload)).ConfigureAwait(false);
        }
        finally
        {
            function.Gate.Exit();
        }

        if (!result.Succeeded)
        {
            // The caller sees only API Gateway's 500, so the host's log is where the error can be read.
            log.Log(LogLevel.Error, $"{route.RouteKey}: function '{function.Name}' failed; answered 500.",
                [new("requestId", requestId), new("errorType", result.Error?.Type), new("errorMessage", result.Error?.Message)]);
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return;
        }

        var mapped = HttpResponseMapper.Map(result.Result);
        if (mapped is null)
        {
            log.Log(LogLevel.Error, $"{route.RouteKey}: function '{function.Name}' returned a response API Gateway cannot map; answered 500.", [new("requestId", requestId)]);
            await ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status500InternalServerError, "Internal Server Error").ConfigureAwait(false);
            return;
        }

        response.StatusCode = mapped.StatusCode;
        foreach (var (name, value) in mapped.Headers)
            response.Headers.Append(name, value);
        response.ContentLength = mapped.Body.Length;
        if (mapped.Body.Length > 0 && !HttpMethods.IsHead(request.Method))
            await response.Body.WriteAsync(mapped.Body, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Why an IAM-auth route's caller is refused, or null when it signed for <c>execute-api</c> and may invoke the function.</summary>
    private Refusal? Refuse(HttpContext http, byte[] body, string function)
    {
        var (key, refusal) = guard.Authenticate(http, body, InvocationGuard.ApiGatewayService);
        return refusal ?? guard.Authorize(key, function, InvocationGuard.ApiGatewayAction);
    }
}
