namespace Impulse;

/// <summary>
/// The invocation's payload could not be read as the handler's event type. The handler was not called.
/// <see cref="Path"/> names where in the JSON the problem is.
/// </summary>
public sealed class EventReadException(string message, string? path, Exception? inner = null)
    : Exception(path is null ? message : $"{message} (at {path})", inner)
{
    /// <summary>The stable error type reported to the caller.</summary>
    public const string ErrorType = "Impulse.EventReadError";

    /// <summary>The JSON path of the offending value, such as <c>$.Records[2].body</c>, when known.</summary>
    public string? Path { get; } = path;
}
