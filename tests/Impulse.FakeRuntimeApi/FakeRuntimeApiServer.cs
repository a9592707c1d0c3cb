using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Impulse.FakeRuntimeApi;

/// <summary>
/// A Lambda Runtime API (2018-06-01) on Kestrel at 127.0.0.1 and a free port, with the real
/// semantics (long-polling <c>/next</c>, 202/400/403/413 on posts) plus fault injection for tests.
/// </summary>
public sealed partial class FakeRuntimeApiServer : IAsyncDisposable
{
    /// <summary>The largest response Lambda buffers: 6 MB plus the 100 bytes it allows for framing.</summary>
    public const int MaxResponseBytes = 6_291_556;

    private readonly Lock _gate = new();
    private readonly Channel<Invocation> _queue = Channel.CreateUnbounded<Invocation>();
    private readonly Dictionary<string, Invocation> _invocations = new(StringComparer.Ordinal);
    private readonly Dictionary<RuntimeApiEndpoint, Queue<ResponseFault>> _faults = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<InitError> _initErrors = [];
    private readonly TaskCompletionSource _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InitError> _firstInitError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TimeSpan? _keepAliveTimeout;
    private CancellationTokenSource _idleExit = new();
    private bool _exitWhenIdle;
    private long _firstNextTimestamp;
    private int _waitingNext;
    private int _openConnections;
    private WebApplication? _app;

    /// <summary>Creates a server; <see cref="StartAsync"/> starts it.</summary>
    /// <param name="keepAliveTimeout">How long Kestrel keeps an idle connection (it checks about once a second); Kestrel's default when null.</param>
    public FakeRuntimeApiServer(TimeSpan? keepAliveTimeout = null) => _keepAliveTimeout = keepAliveTimeout;

    /// <summary>The <c>host:port</c> to put into <c>AWS_LAMBDA_RUNTIME_API</c>; set by <see cref="StartAsync"/>.</summary>
    public string Address { get; private set; } = "";

    /// <summary>The function ARN sent with invocations that do not name one.</summary>
    public string DefaultFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:123456789012:function:test-function";

    /// <summary>
    /// When true, <c>/next</c> answers 500 as soon as no invocation is queued, and any waiting
    /// <c>/next</c> is answered so; a runtime loop then exits.
    /// </summary>
    public bool ExitWhenIdle
    {
        get { lock (_gate) return _exitWhenIdle; }
        set
        {
            CancellationTokenSource? fire = null;
            lock (_gate)
            {
                _exitWhenIdle = value;
                if (value)
                    fire = _idleExit;
                else if (_idleExit.IsCancellationRequested)
                    _idleExit = new CancellationTokenSource();
            }
            fire?.Cancel();
        }
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_gate) return [.. _requests]; }
    }

    /// <summary>How many distinct connections requests arrived on.</summary>
    public int ConnectionCount
    {
        get { lock (_gate) return _requests.Select(r => r.ConnectionId).Distinct(StringComparer.Ordinal).Count(); }
    }

    /// <summary>How many connections are open right now, idle keep-alive ones included.</summary>
    public int OpenConnectionCount => Volatile.Read(ref _openConnections);

    /// <summary>How many <c>/next</c> requests are parked waiting for an invocation.</summary>
    public int WaitingNextCount => Volatile.Read(ref _waitingNext);

    /// <summary>Every initialisation error reported so far.</summary>
    public IReadOnlyList<InitError> InitErrors
    {
        get { lock (_gate) return [.. _initErrors]; }
    }

    /// <summary>When the first <c>/next</c> arrived, as a <see cref="Stopwatch"/> timestamp; null before.</summary>
    public long? FirstNextTimestamp
    {
        get { var t = Interlocked.Read(ref _firstNextTimestamp); return t == 0 ? null : t; }
    }

    /// <summary>Starts Kestrel on 127.0.0.1 and a free port.</summary>
    public async Task StartAsync()
    {
        if (_app is not null)
            throw new InvalidOperationException("The server is already started.");
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                Interlocked.Increment(ref _openConnections);
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref _openConnections);
                }
            }));
            options.AddServerHeader = false;
            // Over-limit bodies must arrive whole so /response can answer 413 as Lambda does.
            options.Limits.MaxRequestBodySize = 64L * 1024 * 1024;
            // Dribbling tests send and read slowly on purpose.
            options.Limits.MinRequestBodyDataRate = null;
            options.Limits.MinResponseDataRate = null;
            if (_keepAliveTimeout is { } keepAlive)
                options.Limits.KeepAliveTimeout = keepAlive;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        _app = app;
        var url = new Uri(app.Urls.Single());
        Address = $"127.0.0.1:{url.Port}";
    }

    /// <summary>Queues an invocation for <c>/next</c> and returns its request id.</summary>
    /// <param name="body">The event.</param>
    /// <param name="requestId">The request id; a new UUID when null.</param>
    /// <param name="deadline">The deadline; 30 seconds from now when null.</param>
    /// <param name="functionArn">The invoked function ARN; <see cref="DefaultFunctionArn"/> when null.</param>
    /// <param name="traceId">The X-Ray trace header; a fresh one when null.</param>
    /// <param name="clientContext">The client context header, sent only when given.</param>
    /// <param name="cognitoIdentity">The Cognito identity header, sent only when given.</param>
    public string Enqueue(
        byte[] body, string? requestId = null, DateTimeOffset? deadline = null, string? functionArn = null,
        string? traceId = null, string? clientContext = null, string? cognitoIdentity = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var invocation = new Invocation(
            requestId ?? Guid.NewGuid().ToString(),
            body,
            (deadline ?? DateTimeOffset.UtcNow.AddSeconds(30)).ToUnixTimeMilliseconds(),
            functionArn ?? DefaultFunctionArn,
            traceId ?? $"Root=1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..40] + ";Parent=53995c3f42cd8ad8;Sampled=0",
            clientContext,
            cognitoIdentity);
        lock (_gate)
        {
            if (!_invocations.TryAdd(invocation.RequestId, invocation))
                throw new ArgumentException($"Request id '{invocation.RequestId}' is already queued.", nameof(requestId));
        }
        _queue.Writer.TryWrite(invocation);
        return invocation.RequestId;
    }

    /// <summary>Waits until the runtime answers the invocation, by <c>/response</c> or <c>/error</c>.</summary>
    public Task<InvocationOutcome> WaitForOutcomeAsync(string requestId, TimeSpan timeout)
    {
        Invocation? invocation;
        lock (_gate)
            _invocations.TryGetValue(requestId, out invocation);
        if (invocation is null)
            throw new ArgumentException($"No invocation has request id '{requestId}'.", nameof(requestId));
        return invocation.Outcome.Task.WaitAsync(timeout);
    }

    /// <summary>Waits until the first <c>/next</c> arrives (at once if one already has).</summary>
    public Task WaitForNextRequestAsync(TimeSpan timeout) => _firstNext.Task.WaitAsync(timeout);

    /// <summary>Waits until the first initialisation error is reported (at once if one already was).</summary>
    public Task<InitError> WaitForInitErrorAsync(TimeSpan timeout) => _firstInitError.Task.WaitAsync(timeout);

    /// <summary>Applies <paramref name="fault"/> to the next <paramref name="times"/> answers of <paramref name="endpoint"/>.</summary>
    public void InjectFault(RuntimeApiEndpoint endpoint, ResponseFault fault, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            if (!_faults.TryGetValue(endpoint, out var queue))
                _faults[endpoint] = queue = new Queue<ResponseFault>();
            for (var i = 0; i < times; i++)
                queue.Enqueue(fault);
        }
    }

    /// <summary>Answers the next <paramref name="times"/> requests to <paramref name="endpoint"/> with <paramref name="status"/> and <paramref name="body"/>.</summary>
    public void ForceStatus(RuntimeApiEndpoint endpoint, int status, string body, int times = 1) =>
        InjectFault(endpoint, new ResponseFault { Status = status, Body = body }, times);

    private ResponseFault? TakeFault(RuntimeApiEndpoint endpoint)
    {
        lock (_gate)
            return _faults.TryGetValue(endpoint, out var queue) && queue.TryDequeue(out var fault) ? fault : null;
    }

    /// <summary>Stops Kestrel, answering any waiting <c>/next</c> first.</summary>
    public async ValueTask DisposeAsync()
    {
        ExitWhenIdle = true;
        if (_app is { } app)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await app.StopAsync(stop.Token);
            await app.DisposeAsync();
        }
        _idleExit.Dispose();
    }

    private sealed class Invocation(
        string requestId, byte[] body, long deadlineUnixMs, string functionArn, string traceId, string? clientContext, string? cognitoIdentity)
    {
        public string RequestId { get; } = requestId;
        public byte[] Body { get; } = body;
        public long DeadlineUnixMs { get; } = deadlineUnixMs;
        public string FunctionArn { get; } = functionArn;
        public string TraceId { get; } = traceId;
        public string? ClientContext { get; } = clientContext;
        public string? CognitoIdentity { get; } = cognitoIdentity;

        /// <summary>Set once <c>/next</c> has handed the invocation out; guarded by the server's gate.</summary>

        public bool Delivered { get; set; }

        public TaskCompletionSource<InvocationOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
