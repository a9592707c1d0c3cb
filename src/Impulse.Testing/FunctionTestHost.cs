using System.Buffers;
using System.Text;
using Impulse.Dispatch;
using Impulse.Runtime;

namespace Impulse.Testing;

/// <summary>
/// Invokes an app's functions in-process, through the generated dispatch table and with the same
/// rules as the Lambda runtime (deadline, timeout, error shape, response limit), for unit tests.
/// </summary>
public sealed class FunctionTestHost : IDisposable
{
    private readonly FunctionApplication _app;
    private readonly TimeProvider _time;
    private readonly Lazy<IServiceProvider> _services;
    private readonly CapturedLog _log = new();
    private readonly LogSink _sink;

    /// <summary>A host for <paramref name="app"/>, usually <c>new Impulse.Generated.ImpulseFunctionApplication()</c>.</summary>
    public FunctionTestHost(FunctionApplication app, TimeProvider? time = null)
    {
        _app = app ?? throw new ArgumentNullException(nameof(app));
        _time = time ?? TimeProvider.System;
        _services = new Lazy<IServiceProvider>(app.CreateServices);
        _sink = new LogSink(_log.Stream, LogLevel.Trace, _time);
    }

    /// <summary>The app's services, built on first use as the runtime builds them at start-up.</summary>
    public IServiceProvider Services => _services.Value;

    /// <summary>Every log line written so far, as JSON text.</summary>
    public IReadOnlyList<string> LogLines => _log.Lines;

    /// <summary>
    /// Invokes <paramref name="functionName"/> with <paramref name="eventJson"/> as its event.
    /// <paramref name="timeout"/> overrides the function's configured timeout.
    /// </summary>
    public Task<TestInvocation> InvokeAsync(string functionName, string eventJson, TimeSpan? timeout = null) =>
        InvokeAsync(functionName, Encoding.UTF8.GetBytes(eventJson ?? throw new ArgumentNullException(nameof(eventJson))), timeout);

    /// <summary>
    /// Invokes <paramref name="functionName"/> with the raw bytes of <paramref name="payload"/>, for events a
    /// string cannot carry (invalid UTF-8, say).
    /// </summary>
    public async Task<TestInvocation> InvokeAsync(string functionName, ReadOnlyMemory<byte> payload, TimeSpan? timeout = null)
    {
        var invoker = _app.Find(functionName)
            ?? throw new ArgumentException($"'{functionName}' is not a function of this app.", nameof(functionName));
        var info = InvocationInfo.Local(invoker, _time, timeout);
        var requestId = info.RequestId;
        var context = new FunctionContext(info, new FunctionLogger(_sink, requestId, invoker.Name), _time);
        var result = new ArrayBufferWriter<byte>();
        try
        {
            var outcome = await InvocationRunner.RunAsync(invoker, payload, result, context, Services).ConfigureAwait(false);
            return new TestInvocation(
                requestId,
                outcome.Status == InvocationStatus.Succeeded ? Encoding.UTF8.GetString(result.WrittenSpan) : null,
                outcome.Error?.Type,
                outcome.Error?.Message,
                outcome.Status == InvocationStatus.TimedOut);
        }
        finally
        {
            context.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_services.IsValueCreated)
            (_services.Value as IDisposable)?.Dispose();
    }

    private sealed class CapturedLog
    {
        private readonly List<string> _lines = [];
        private readonly MemoryStream _stream = new();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_stream)
                {
                    var text = Encoding.UTF8.GetString(_stream.GetBuffer(), 0, (int)_stream.Length);
                    return text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                }
            }
        }

        public Stream Stream => new LockedStream(_stream);
    }

    /// <summary>Lets the log be read while invocations write to it; the sink keeps each line whole.</summary>
    private sealed class LockedStream(MemoryStream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (inner)
                inner.Write(buffer);
        }
    }
}

/// <summary>What one test invocation produced: the result JSON, or the error the caller would see.</summary>
/// <param name="RequestId">The request id the invocation ran with.</param>
/// <param name="ResultJson">The result as JSON text ("" for a handler that returns nothing), or null on error.</param>
/// <param name="ErrorType">The error type, as the Invoke API would report it, or null on success.</param>
/// <param name="ErrorMessage">The error message, or null on success.</param>
/// <param name="TimedOut">Whether the handler ran past its deadline.</param>
public sealed record TestInvocation(string RequestId, string? ResultJson, string? ErrorType, string? ErrorMessage, bool TimedOut)
{
    /// <summary>Whether the handler returned normally.</summary>
    public bool Succeeded => ErrorType is null;
}
