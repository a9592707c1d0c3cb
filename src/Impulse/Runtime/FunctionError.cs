using System.Buffers;
using System.Text.Json;

namespace Impulse.Runtime;

/// <summary>
/// An invocation error in the shape the Runtime API and the Invoke API use:
/// <c>{"errorMessage","errorType","stackTrace":[]}</c>.
/// </summary>
internal sealed record FunctionError(string Type, string Message, IReadOnlyList<string> StackTrace)
{
    /// <summary>The handler did not finish before its deadline.</summary>
    public const string TimeoutType = "Sandbox.Timedout";

    /// <summary>The result was larger than the synchronous response limit.</summary>
    public const string ResponseTooLargeType = "Function.ResponseSizeTooLarge";

    /// <summary>The handler named by <c>_HANDLER</c> is not in the app.</summary>
    public const string UnknownHandlerType = "Runtime.UnknownHandler";

    /// <summary>Building the app's services failed.</summary>
    public const string InitFailedType = "Runtime.InitError";

    public static FunctionError From(Exception exception)
    {
        if (exception is EventReadException)
            return new(EventReadException.ErrorType, exception.Message, []);
        var trace = exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        return new(exception.GetType().Name, exception.Message, trace);
    }

    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, ReadableJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage"u8, Message);
            json.WriteString("errorType"u8, Type);
            json.WriteStartArray("stackTrace"u8);
            foreach (var line in StackTrace)
                json.WriteStringValue(line);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
