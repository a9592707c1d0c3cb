using System.Buffers;
using System.Text.Json;
using Impulse.Hosting.Execution;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Http;

/// <summary>
/// Error responses in the two shapes callers expect: the Lambda API's (<c>x-amzn-ErrorType</c> header and
/// <c>{"Type":"User","message":...}</c>), and API Gateway's (<c>{"message":"Not Found"}</c>).
/// </summary>
internal static class ErrorResponses
{
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string TooManyRequests = "TooManyRequestsException";
    public const string RequestTooLarge = "RequestEntityTooLargeException";
    public const string InvalidRequestContent = "InvalidRequestContentException";
    public const string InvalidParameterValue = "InvalidParameterValueException";
    public const string Validation = "ValidationException";
    public const string UnknownOperation = "UnknownOperationException";
    public const string Service = "ServiceException";

    /// <summary>Writes a Lambda API error; <paramref name="reason"/> is the <c>Reason</c> field throttling errors carry.</summary>
    public static Task WriteLambdaErrorAsync(HttpResponse response, int status, string errorType, string message, string? reason = null)
    {
        response.StatusCode = status;
        response.Headers["x-amzn-ErrorType"] = errorType;
        return WriteJsonAsync(response, json =>
        {
            json.WriteStartObject();
            // AWS blames the caller for 4xx and itself for 5xx.
            json.WriteString("Type"u8, status >= 500 ? "Service" : "User");
            json.WriteString("message"u8, message);
            if (reason is not null)
                json.WriteString("Reason"u8, reason);
            json.WriteEndObject();
        });
    }

    /// <summary>The 429 a throttled synchronous invocation gets, with the limit that was in use as its reason.</summary>
    public static Task WriteThrottledAsync(HttpResponse response, ThrottleReason reason) =>
        WriteLambdaErrorAsync(response, StatusCodes.Status429TooManyRequests, TooManyRequests, "Rate Exceeded.", reason.ToString());

    /// <summary>Writes API Gateway's error body, <c>{"message":...}</c>.</summary>
    public static Task WriteGatewayErrorAsync(HttpResponse response, int status, string message)
    {
        response.StatusCode = status;
        return WriteJsonAsync(response, json =>
        {
            json.WriteStartObject();
            json.WriteString("message"u8, message);
            json.WriteEndObject();
        });
    }

    public static Task WriteJsonAsync(HttpResponse response, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
            write(json);
        response.ContentType = "application/json";
        response.ContentLength = buffer.WrittenCount;
        return response.Body.WriteAsync(buffer.WrittenMemory).AsTask();
    }
}
