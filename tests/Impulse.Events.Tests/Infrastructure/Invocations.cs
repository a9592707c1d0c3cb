using System.Buffers;
using System.Text;
using System.Text.Unicode;
using Impulse.Dispatch;
using Impulse.Events.Tests.Functions;
using Impulse.Testing;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>How one invocation ended, whichever way it was made, and how many handlers ran for it.</summary>
internal sealed record Outcome(string? ResultJson, string? ErrorType, string? ErrorMessage, int HandlerCalls)
{
    public bool Succeeded => ErrorType is null;

    public override string ToString() => Succeeded
        ? $"succeeded, {HandlerCalls} handler call(s), result {Abbreviate(ResultJson)}"
        : $"failed with {ErrorType}: {ErrorMessage} ({HandlerCalls} handler call(s))";

    public static string Abbreviate(string? text) => text is null ? "null" : text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>
/// Invokes the test project's functions through the generated dispatch table. Text goes through
/// <see cref="FunctionTestHost"/>, as a user's test would. Bytes that are not UTF-8 cannot: the host takes a string
/// and encodes it, which would repair them. Those go to the generated invoker directly, which is the call the
/// host itself makes, minus the deadline and the logger: the test functions use neither.
/// </summary>
internal sealed class Invocations : IDisposable
{
    private readonly FunctionApplication _app = new Impulse.Generated.ImpulseFunctionApplication();
    private readonly FunctionTestHost _host;

    public Invocations() => _host = new FunctionTestHost(_app);

    public FunctionTestHost Host => _host;

    /// <summary>Invokes <paramref name="function"/> with <paramref name="json"/>, counting handler calls from zero.</summary>
    public Outcome Invoke(string function, string json)
    {
        Received.Reset();
        var pending = _host.InvokeAsync(function, json);
        // The test handlers are synchronous, so the whole invocation runs on this thread and the thread-static
        // slot it filled is the one read here. A pending task would break that; say so rather than guess.
        Assert.True(pending.IsCompleted, $"Invoking {function} did not complete synchronously.");
        var result = pending.GetAwaiter().GetResult();
        return new Outcome(result.ResultJson, result.ErrorType, result.ErrorMessage, Received.Calls);
    }

    /// <summary>Invokes with raw bytes: through the host when they are UTF-8, else through the invoker itself.</summary>
    public Outcome Invoke(string function, byte[] payload)
    {
        if (Utf8.IsValid(payload))
            return Invoke(function, Encoding.UTF8.GetString(payload));

        var invoker = _app.Find(function) ?? throw new ArgumentException($"No function {function}.", nameof(function));
        var result = new ArrayBufferWriter<byte>();
        Received.Reset();
        try
        {
            var pending = invoker.InvokeAsync(payload, result, null!, _host.Services);
            Assert.True(pending.IsCompleted, $"Invoking {function} did not complete synchronously.");
            pending.GetAwaiter().GetResult();
            return new Outcome(Encoding.UTF8.GetString(result.WrittenSpan), null, null, Received.Calls);
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            // The error type the runtime would report (FunctionError.From): the stable name for unreadable events,
            // the exception's own name otherwise.
            var type = e is EventReadException ? EventReadException.ErrorType : e.GetType().Name;
            return new Outcome(null, type, e.Message, Received.Calls);
        }
    }

    public void Dispose() => _host.Dispose();
}
