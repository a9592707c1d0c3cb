using System.Text;
using System.Text.Json;
using Impulse.Hosting.Async;
using Impulse.Hosting.Execution;
using Impulse.Hosting.Http;
using Impulse.Hosting.Security;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Invoke;

/// <summary>
/// The Lambda Invoke API (version 2015-03-31) as AWS SDKs and the AWS CLI call it with an endpoint override:
/// <c>POST /2015-03-31/functions/{name}/invocations</c> and <c>GET /2015-03-31/functions</c>. Every call is
/// authenticated with Signature Version 4, as on AWS, and an invocation runs only for a principal the function allows.
/// </summary>
internal sealed class InvokeApi(IReadOnlyDictionary<string, HostedFunction> functions, FunctionExecutor executor, AsyncInvocations async, FunctionLogger log, InvocationGuard guard)
{
    public const string Prefix = "/2015-03-31/functions";
    private const string InvocationsSuffix = "/invocations";

    public static bool Serves(PathString path) => path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext http)
    {
        // The body is read once, within Lambda's limit for the invocation type, and both signed and invoked with.
        var type = http.Request.Headers["X-Amz-Invocation-Type"].ToString();
        var limit = type == "Event" ? RequestBody.MaxAsynchronousPayloadBytes : RequestBody.MaxSynchronousPayloadBytes;
        var payload = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted).ConfigureAwait(false);
        if (payload is null)
        {
            await ErrorResponses.WriteLambdaErrorAsync(http.Response, StatusCodes.Status413PayloadTooLarge, ErrorResponses.RequestTooLarge,
                $"Request must be smaller than {limit} bytes for the InvokeFunction operation").ConfigureAwait(false);
            return;
        }

        // AWS authenticates before it looks at the operation, so an unsigned caller learns nothing, not even which functions exist.
        var (key, refusal) = guard.Authenticate(http, payload, InvocationGuard.LambdaService);
        if (refusal is not null)
        {
            await InvocationGuard.WriteLambdaRefusalAsync(http.Response, refusal).ConfigureAwait(false);
            return;
        }

        var path = http.Request.Path.Value ?? "";
        var rest = path[Prefix.Length..];
        if (rest is "" or "/")
        {
            await (HttpMethods.IsGet(http.Request.Method)
                ? ListFunctionsAsync(http)
                : ErrorResponses.WriteLambdaErrorAsync(http.Response, StatusCodes.Status405MethodNotAllowed, ErrorResponses.UnknownOperation, $"{http.Request.Method} {path} is not an operation of this API.")).ConfigureAwait(false);
            return;
        }

        if (rest.EndsWith(InvocationsSuffix, StringComparison.Ordinal) && rest.Length > InvocationsSuffix.Length + 1 && HttpMethods.IsPost(http.Request.Method))
        {
            var name = rest[1..^InvocationsSuffix.Length];
            if (!name.Contains('/', StringComparison.Ordinal))
            {
                await InvokeAsync(http, name, payload, key).ConfigureAwait(false);
                return;
            }
        }

        await ErrorResponses.WriteLambdaErrorAsync(http.Response, StatusCodes.Status404NotFound, ErrorResponses.UnknownOperation,
            $"{http.Request.Method} {path} is not an operation the local host serves; it serves Invoke and ListFunctions.").ConfigureAwait(false);
    }

    private async Task InvokeAsync(HttpContext http, string nameText, byte[] payload, AccessKey? caller)
    {
        var request = http.Request;
        var response = http.Response;
        var requestId = Guid.NewGuid().ToString();
        response.Headers["x-amzn-RequestId"] = requestId;

        var reference = FunctionReference.Parse(nameText);
        var qualifier = reference.Qualifier;
        if (request.Query["Qualifier"] is { Count: > 0 } query && query.ToString() is { Length: > 0 } fromQuery)
        {
            if (qualifier is not null && qualifier != fromQuery)
            {
                await ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status400BadRequest, ErrorResponses.InvalidParameterValue,
                    "The derived qualifier from the function name does not match the specified qualifier.").ConfigureAwait(false);
                return;
            }

            qualifier = fromQuery;
        }

        // Versions and aliases do not exist locally yet, so $LATEST is the only qualifier that names anything.
        if (!functions.TryGetValue(reference.Name, out var function) || (qualifier is not null && qualifier != FunctionExecutor.LatestVersion))
        {
            var arn = executor.ArnOf(reference.Name) + (qualifier is null ? "" : ":" + qualifier);
            await ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status404NotFound, ErrorResponses.ResourceNotFound, $"Function not found: {arn}").ConfigureAwait(false);
            return;
        }

        if (guard.Authorize(caller, function.Name, InvocationGuard.InvokeAction) is { } denied)
        {
            log.Log(LogLevel.Warn, $"Refused an invocation of '{function.Name}': {denied.Message}");
            await InvocationGuard.WriteLambdaRefusalAsync(response, denied).ConfigureAwait(false);
            return;
        }

        var type = request.Headers["X-Amz-Invocation-Type"].ToString();
        if (type.Length == 0)
            type = "RequestResponse";
        if (type is not ("RequestResponse" or "Event" or "DryRun"))
        {
            await ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status400BadRequest, ErrorResponses.Validation,
                $"1 validation error detected: Value '{type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]").ConfigureAwait(false);
            return;
        }

        // Lambda passes an empty payload to the function as an empty object.
        ReadOnlyMemory<byte> @event = payload.Length == 0 ? "{}"u8.ToArray() : payload;
        if (!IsJson(@event.Span, out var problem))
        {
            await ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status400BadRequest, ErrorResponses.InvalidRequestContent,
                $"Could not parse request body into json: {problem}").ConfigureAwait(false);
            return;
        }

        if (!TryReadClientContext(request, out var clientContext))
        {
            await ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status400BadRequest, ErrorResponses.InvalidParameterValue,
                "Client context must be a valid Base64-encoded JSON object.").ConfigureAwait(false);
            return;
        }

        switch (type)
        {
            case "DryRun":
                response.Headers["X-Amz-Executed-Version"] = FunctionExecutor.LatestVersion;
                response.StatusCode = StatusCodes.Status204NoContent;
                return;
            case "Event":
                await async.EnqueueAsync(function, @event, requestId, clientContext, http.RequestAborted).ConfigureAwait(false);
                response.Headers["X-Amz-Executed-Version"] = FunctionExecutor.LatestVersion;
                response.StatusCode = StatusCodes.Status202Accepted;
                response.ContentLength = 0;
                return;
        }

        var throttled = function.Gate.TryEnter();
        if (throttled != ThrottleReason.None)
        {
            log.Log(LogLevel.Warn, $"Throttled an invocation of '{function.Name}': it is at its concurrency limit.", [new("reason", throttled.ToString())]);
            await ErrorResponses.WriteThrottledAsync(response, throttled).ConfigureAwait(false);
            return;
        }

        ExecutedInvocation result;
        try
        {
            result = await executor.RunAsync(function.Spec, new InvocationRequest(requestId, @event, clientContext)).ConfigureAwait(false);
        }
        finally
        {
            function.Gate.Exit();
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.Headers["X-Amz-Executed-Version"] = FunctionExecutor.LatestVersion;
        response.ContentType = "application/json";
        if (string.Equals(request.Headers["X-Amz-Log-Type"], "Tail", StringComparison.Ordinal))
            response.Headers["X-Amz-Log-Result"] = Convert.ToBase64String(result.LogTail);

        ReadOnlyMemory<byte> body = result.Result;
        if (!result.Succeeded)
        {
            response.Headers["X-Amz-Function-Error"] = "Unhandled";
            body = result.Error!.ToJson();
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    private Task ListFunctionsAsync(HttpContext http) => ErrorResponses.WriteJsonAsync(http.Response, json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("Functions"u8);
        foreach (var function in functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var spec = function.Spec;
            json.WriteStartObject();
            json.WriteString("FunctionName"u8, spec.Name);
            json.WriteString("FunctionArn"u8, executor.ArnOf(spec.Name));
            json.WriteString("Runtime"u8, spec.Descriptor.Runtime);
            json.WriteString("Handler"u8, spec.Descriptor.Handler);
            if (spec.Descriptor.Description is { } description)
                json.WriteString("Description"u8, description);
            json.WriteNumber("MemorySize"u8, spec.Invoker.MemoryMb);
            json.WriteNumber("Timeout"u8, spec.Invoker.TimeoutSeconds);
            json.WriteString("Version"u8, FunctionExecutor.LatestVersion);
            json.WriteString("PackageType"u8, "Zip");
            json.WriteStartArray("Architectures"u8);
            json.WriteStringValue(spec.Descriptor.Architecture);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteNull("NextMarker"u8);
        json.WriteEndObject();
    });

    private static bool IsJson(ReadOnlySpan<byte> payload, out string? problem)
    {
        problem = null;
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
                // Reading to the end is the validation; the function's own reader does the rest.
            }

            return true;
        }
        catch (JsonException e)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>Decodes <c>X-Amz-Client-Context</c>, base64 JSON, into the raw JSON the function's context carries.</summary>
    private static bool TryReadClientContext(HttpRequest request, out string? clientContext)
    {
        clientContext = null;
        var header = request.Headers["X-Amz-Client-Context"].ToString();
        if (header.Length == 0)
            return true;
        try
        {
            var bytes = Convert.FromBase64String(header);
            if (!IsJson(bytes, out _))
                return false;
            clientContext = Encoding.UTF8.GetString(bytes);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
