using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Impulse.FakeRuntimeApi;

/// <summary>Routing and answering, with the status codes and bodies the real Runtime API uses.</summary>
public sealed partial class FakeRuntimeApiServer
{
    private const string InvocationPrefix = "/2018-06-01/runtime/invocation/";
    private const string NextPath = InvocationPrefix + "next";
    private const string InitErrorPath = "/2018-06-01/runtime/init/error";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private static readonly Reply AcceptedReply = new(202, """{"status":"OK"}"""u8.ToArray());
    private static readonly Reply ExitReply = Error(500, "The fake Runtime API has no more invocations", "Runtime.ExitRequested");

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var (endpoint, requestId) = Route(request.Method, request.Path.Value ?? "");
        var body = HttpMethods.IsPost(request.Method) ? await ReadBodyAsync(request) : [];
        Record(context, body.Length);

        if (endpoint == RuntimeApiEndpoint.Next && Interlocked.CompareExchange(ref _firstNextTimestamp, Stopwatch.GetTimestamp(), 0) == 0)
            _firstNext.TrySetResult();

        var fault = endpoint is { } e ? TakeFault(e) : null;
        var reply = (fault?.Status, endpoint) switch
        {
            ({ } status, _) => new Reply(status, Encoding.UTF8.GetBytes(fault!.Body ?? "")),
            (_, null) => Error(404, $"No such endpoint: {request.Method} {request.Path}", "NotFound"),
            (_, RuntimeApiEndpoint.Next) => await NextAsync(context.RequestAborted),
            (_, RuntimeApiEndpoint.Response) => Complete(requestId!, isError: false, body, request),
            (_, RuntimeApiEndpoint.Error) => Complete(requestId!, isError: true, body, request),
            _ => RecordInitError(body, request),
        };
        if (reply is not null)
            await WriteAsync(context, reply, fault);
    }

    private static (RuntimeApiEndpoint? Endpoint, string? RequestId) Route(string method, string path)
    {
        if (HttpMethods.IsGet(method))
            return path == NextPath ? (RuntimeApiEndpoint.Next, null) : (null, null);
        if (!HttpMethods.IsPost(method))
            return (null, null);
        if (path == InitErrorPath)
            return (RuntimeApiEndpoint.InitError, null);
        if (!path.StartsWith(InvocationPrefix, StringComparison.Ordinal))
            return (null, null);
        var rest = path[InvocationPrefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
            return (null, null);
        return rest[(slash + 1)..] switch
        {
            "response" => (RuntimeApiEndpoint.Response, rest[..slash]),
            "error" => (RuntimeApiEndpoint.Error, rest[..slash]),
            _ => (null, null),
        };
    }

    /// <summary>Long-polls the queue; null when the client went away while waiting.</summary>
    private async Task<Reply?> NextAsync(CancellationToken aborted)
    {
        CancellationToken exit;
        bool exitNow;
        lock (_gate)
        {
            exit = _idleExit.Token;
            exitNow = _exitWhenIdle;
        }

        if (!_queue.Reader.TryRead(out var invocation))
        {
            if (exitNow)
                return ExitReply;
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(aborted, exit);
            Interlocked.Increment(ref _waitingNext);
            try
            {
                invocation = await _queue.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (exit.IsCancellationRequested && !aborted.IsCancellationRequested)
            {
                return ExitReply;
            }
            catch (OperationCanceledException)
            {
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref _waitingNext);
            }
        }

        if (aborted.IsCancellationRequested)
        {
            // The poller is gone; hand the invocation to the next one rather than lose it.
            _queue.Writer.TryWrite(invocation);
            return null;
        }
        lock (_gate)
            invocation.Delivered = true;
        List<KeyValuePair<string, string>> headers =
        [
            new("Lambda-Runtime-Aws-Request-Id", invocation.RequestId),
            new("Lambda-Runtime-Deadline-Ms", invocation.DeadlineUnixMs.ToString(CultureInfo.InvariantCulture)),
            new("Lambda-Runtime-Invoked-Function-Arn", invocation.FunctionArn),
            new("Lambda-Runtime-Trace-Id", invocation.TraceId),
        ];
        if (invocation.ClientContext is not null)
            headers.Add(new("Lambda-Runtime-Client-Context", invocation.ClientContext));
        if (invocation.CognitoIdentity is not null)
            headers.Add(new("Lambda-Runtime-Cognito-Identity", invocation.CognitoIdentity));
        return new Reply(200, invocation.Body, headers);
    }

    private Reply Complete(string requestId, bool isError, byte[] body, HttpRequest request)
    {
        lock (_gate)
        {
            // Lambda knows only invocations it has handed out; anything else is an invalid id.
            if (!_invocations.TryGetValue(requestId, out var invocation) || !invocation.Delivered)
                return Error(400, "Invalid request ID", "InvalidRequestID");
            if (invocation.Outcome.Task.IsCompleted)
                return Error(403, "Invalid State Transition", "InvalidStateTransition");
            // A 413 leaves the invocation open: the runtime is expected to report an error next.
            if (!isError && body.Length > MaxResponseBytes)
                return Error(413, $"Exceeded maximum allowed payload size ({MaxResponseBytes} bytes).", "RequestEntityTooLarge");
            var errorType = isError ? request.Headers[ErrorTypeHeader].ToString() : null;
            invocation.Outcome.TrySetResult(new InvocationOutcome(requestId, isError, body, errorType, request.ContentType));
        }
        return AcceptedReply;
    }

    private Reply RecordInitError(byte[] body, HttpRequest request)
    {
        var error = new InitError(request.Headers[ErrorTypeHeader].ToString(), body, request.ContentType);
        lock (_gate)
            _initErrors.Add(error);
        _firstInitError.TrySetResult(error);
        return AcceptedReply;
    }

    private static async Task WriteAsync(HttpContext context, Reply reply, ResponseFault? fault)
    {
        var response = context.Response;
        try
        {
            if (fault is { HeaderDelay: var delay } && delay > TimeSpan.Zero)
                await Task.Delay(delay, context.RequestAborted);

            response.StatusCode = reply.Status;
            response.ContentType = "application/json";
            foreach (var (name, value) in reply.Headers ?? [])
                response.Headers[name] = value;
            if (fault?.CloseConnection == true)
                response.Headers.Connection = "close";
            var chunked = fault?.Chunked == true;
            if (!chunked)
                response.ContentLength = reply.Body.Length;

            var shaped = chunked || fault?.DribbleBytes > 0 || fault?.DropAfterBodyBytes is not null;
            if (!shaped)
            {
                await response.Body.WriteAsync(reply.Body, context.RequestAborted);
                return;
            }

            // Headers go out on their own first, so a dribble or a drop happens after them.
            await response.StartAsync(context.RequestAborted);
            await response.Body.FlushAsync(context.RequestAborted);
            var piece = fault!.DribbleBytes > 0 ? fault.DribbleBytes : 16 * 1024;
            var limit = Math.Min(fault.DropAfterBodyBytes ?? reply.Body.Length, reply.Body.Length);
            for (var offset = 0; offset < limit; offset += piece)
            {
                await response.Body.WriteAsync(reply.Body.AsMemory(offset, Math.Min(piece, limit - offset)), context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                if (fault.DribbleDelay > TimeSpan.Zero)
                    await Task.Delay(fault.DribbleDelay, context.RequestAborted);
            }
            if (fault.DropAfterBodyBytes is not null)
                context.Abort();
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client left; there is no one to answer.
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length and <= 64 * 1024 * 1024 ? (int)length : 0);
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        return buffer.ToArray();
    }

    private void Record(HttpContext context, long bodyLength)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in context.Request.Headers)
            headers[name] = values.ToString();
        var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Connection.Id, headers, bodyLength);
        lock (_gate)
            _requests.Add(request);
    }

    private static Reply Error(int status, string message, string type) =>
        new(status, Encoding.UTF8.GetBytes($$"""{"errorMessage":"{{message}}","errorType":"{{type}}"}"""));

    private sealed record Reply(int Status, byte[] Body, IReadOnlyList<KeyValuePair<string, string>>? Headers = null);
}
