using System.Buffers;

namespace Impulse.Dispatch;

/// <summary>
/// One function of the app, as the generator emits it: its name and limits, and a typed call that
/// reads the event, calls the handler and writes the result. Generated code derives from this class.
/// </summary>
public abstract class FunctionInvoker(string name, int memoryMb, int timeoutSeconds)
{
    /// <summary>The function name.</summary>
    public string Name { get; } = name;

    /// <summary>The configured memory, in MB.</summary>
    public int MemoryMb { get; } = memoryMb;

    /// <summary>The configured timeout, in seconds.</summary>
    public int TimeoutSeconds { get; } = timeoutSeconds;

    /// <summary>
    /// Reads <paramref name="payload"/> as the handler's event, calls the handler and writes its result
    /// as JSON to <paramref name="result"/> (nothing for a handler that returns no value).
    /// </summary>
    /// <exception cref="EventReadException">The payload is not a valid event; the handler was not called.</exception>
    public abstract ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> result, FunctionContext context, IServiceProvider services);
}
