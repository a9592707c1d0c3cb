using System.Buffers;
using System.Text;
using Impulse.Dispatch;

namespace Impulse.Runtime.Tests.Loop;

/// <summary>
/// A hand-built app for testing the runtime loop apart from the generator: each function is a
/// delegate over the raw payload, as a generated invoker is a typed call over it.
/// </summary>
internal sealed class TestApplication(params TestFunction[] functions) : FunctionApplication
{
    private readonly TestFunction[] _functions = [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];

    public Func<IServiceProvider>? Services { get; init; }

    public override IReadOnlyList<FunctionInvoker> Functions => _functions;
    public override FunctionInvoker? Find(string name) => _functions.FirstOrDefault(f => f.Name == name);
    public override ReadOnlySpan<byte> ManifestJson => "{\"functions\":[]}"u8;
    public override IServiceProvider CreateServices() => Services is null ? base.CreateServices() : Services();
}

/// <summary>A function whose handler takes the payload as text and returns the result as text (or null for none).</summary>
internal sealed class TestFunction(string name, Func<string, FunctionContext, Task<string?>> handler, int timeoutSeconds = 3)
    : FunctionInvoker(name, 128, timeoutSeconds)
{
    public override async ValueTask InvokeAsync(ReadOnlyMemory<byte> payload, IBufferWriter<byte> result, FunctionContext context, IServiceProvider services)
    {
        var text = await handler(Encoding.UTF8.GetString(payload.Span), context);
        if (text is not null)
            result.Write(Encoding.UTF8.GetBytes(text));
    }

    public static TestFunction Sync(string name, Func<string, string?> handler) =>
        new(name, (payload, _) => Task.FromResult(handler(payload)));
}
