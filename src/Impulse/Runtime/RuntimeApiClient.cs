using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Impulse.Runtime;

/// <summary>
/// A small, strict HTTP/1.1 client for the Lambda Runtime API over one keep-alive socket. It stands
/// in for HttpClient, which would add about 4 MB to the native AOT bootstrap.
/// </summary>
/// <remarks>
/// A blocking client does its socket calls synchronously on the calling thread, and every method returns
/// an already completed task. The process's main thread has nothing else to do while it waits for the
/// Runtime API, so this spares the thread pool, its I/O completions and their threads and memory. A
/// cancellation token (the caller's, or the POST timeout) then cannot interrupt a system call: it closes
/// the socket under the blocked call instead, and the call ends with <see cref="OperationCanceledException"/>
/// as it would have asynchronously.
/// </remarks>
internal sealed class RuntimeApiClient : IRuntimeApi
{
    /// <summary>The largest response body accepted: Lambda's 6 MB event limit with ample headroom.</summary>
    public const int MaxBodyBytes = 32 * 1024 * 1024;

    /// <summary>Bodies up to this size travel in the same send as the head.</summary>
    private const int CoalesceBodyBytes = 16 * 1024;

    private const int MaxBodyTextInMessage = 1024;

    private static readonly TimeSpan DefaultPostTimeout = TimeSpan.FromSeconds(30);

    private readonly string _authority;
    private readonly IPEndPoint[] _endpoints;
    private readonly TimeSpan _postTimeout;
    private readonly byte[] _commonHeaders;
    private readonly byte[] _nextRequest;
    private readonly bool _blocking;
    private readonly HttpResponseReader _reader;
    private readonly PooledBuffer _nextBody = new(64 * 1024);
    private readonly PooledBuffer _postResponseBody = new(1024);
    private readonly PooledBuffer _requestHead = new(1024);
    private CancellationTokenSource? _timeout;
    private Socket? _socket;
    private long _bytesWritten;
    private int _busy;
    private bool _disposed;

    /// <summary>
    /// Connects to <paramref name="runtimeApi"/>, the <c>AWS_LAMBDA_RUNTIME_API</c> value (<c>host:port</c>),
    /// with blocking calls on the calling thread when <paramref name="blocking"/> is true.
    /// </summary>
    public RuntimeApiClient(string runtimeApi, bool blocking = false)
        : this(runtimeApi, DefaultPostTimeout, blocking)
    {
    }

    /// <summary>As the public constructor, with the time a POST may wait for its answer (or <see cref="Timeout.InfiniteTimeSpan"/>).</summary>
    internal RuntimeApiClient(string runtimeApi, TimeSpan postTimeout, bool blocking = false)
    {
        if (postTimeout <= TimeSpan.Zero && postTimeout != Timeout.InfiniteTimeSpan)
            throw new ArgumentOutOfRangeException(nameof(postTimeout), postTimeout, "A POST timeout must be positive or infinite.");
        _authority = runtimeApi;
        _endpoints = RuntimeApiAddress.Resolve(runtimeApi);
        _postTimeout = postTimeout;
        _commonHeaders = HttpRequestWriter.CommonHeaders(runtimeApi);
        _nextRequest = HttpRequestWriter.NextRequest(_commonHeaders);
        _blocking = blocking;
        _reader = new HttpResponseReader(blocking);
    }

    /// <inheritdoc/>
    public bool Blocking => _blocking;

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<RuntimeInvocation> NextAsync(CancellationToken cancel)
    {
        Enter();
        try
        {
            cancel.ThrowIfCancellationRequested();
            // A long poll: no timeout of our own, the Runtime API answers when an event arrives.
            var head = await ExchangeAsync(_nextRequest, default, idempotent: true, _nextBody, lambdaHeaders: true, cancel);
            if (head.Status != 200)
                throw StatusError(head.Status, "GET", HttpRequestWriter.NextPath, _nextBody);
            if (head.RequestId is null)
                throw new RuntimeApiException(0, "The Runtime API's /next response has no Lambda-Runtime-Aws-Request-Id header.");
            if (!HttpRequestWriter.IsValidRequestId(head.RequestId))
                throw new RuntimeApiException(0, $"The Runtime API sent a request id that cannot go in a URL path: '{Escape(head.RequestId)}'.");
            if (head.DeadlineUnixMs is not { } deadline)
                throw new RuntimeApiException(0, "The Runtime API's /next response has no Lambda-Runtime-Deadline-Ms header.");
            return new RuntimeInvocation(
                head.RequestId, deadline, head.InvokedFunctionArn ?? "", head.TraceId, head.ClientContext, head.CognitoIdentity, _nextBody.Written);
        }
        finally
        {
            Exit();
        }
    }

    /// <inheritdoc/>
    public ValueTask PostResponseAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancel)
    {
        CheckRequestId(requestId);
        return PostAsync(requestId, "response", null, body, cancel);
    }

    /// <inheritdoc/>
    public ValueTask PostErrorAsync(string requestId, string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancel)
    {
        CheckRequestId(requestId);
        ArgumentNullException.ThrowIfNull(errorType);
        return PostAsync(requestId, "error", errorType, errorJson, cancel);
    }

    /// <inheritdoc/>
    public ValueTask PostInitErrorAsync(string errorType, ReadOnlyMemory<byte> errorJson, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(errorType);
        return PostAsync(null, "error", errorType, errorJson, cancel);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask PostAsync(string? requestId, string kind, string? errorType, ReadOnlyMemory<byte> body, CancellationToken cancel)
    {
        Enter();
        var timeout = RentTimeout();
        var link = cancel.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        try
        {
            cancel.ThrowIfCancellationRequested();
            timeout.CancelAfter(_postTimeout);

            var headLength = HttpRequestWriter.WritePost(_requestHead, _commonHeaders, requestId, kind, body.Length, errorType);
            ReadOnlyMemory<byte> head = _requestHead.Array.AsMemory(0, headLength);
            if (body.Length <= CoalesceBodyBytes)
            {
                // One send, so Nagle-free loopback still delivers the request in one segment.
                _requestHead.Length = headLength;
                _requestHead.EnsureCapacity(headLength + body.Length);
                body.Span.CopyTo(_requestHead.Array.AsSpan(headLength));
                head = _requestHead.Array.AsMemory(0, headLength + body.Length);
                body = default;
            }

            var response = await ExchangeAsync(head, body, idempotent: false, _postResponseBody, lambdaHeaders: false, timeout.Token);
            if (response.Status != 202)
                throw StatusError(response.Status, "POST", HttpRequestWriter.PostPath(requestId, kind), _postResponseBody);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancel);
        }
        catch (OperationCanceledException)
        {
            throw new RuntimeApiException(0,
                $"The Runtime API did not answer POST {HttpRequestWriter.PostPath(requestId, kind)} within {_postTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
        }
        finally
        {
            link.Dispose();
            ReturnTimeout(timeout);
            Exit();
        }
    }

    /// <summary>
    /// Sends one request and reads its whole response. A reused connection that turns out to be
    /// closed is replaced once, if the request cannot have been acted on twice.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ResponseHead> ExchangeAsync(
        ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, bool idempotent, PooledBuffer responseBody, bool lambdaHeaders, CancellationToken cancel)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reused = await EnsureConnectedAsync(cancel);
            using var abort = CloseOnCancel(_socket!, cancel);
            _bytesWritten = 0;
            _reader.BeginResponse();
            try
            {
                await SendAsync(head, cancel);
                if (!body.IsEmpty)
                    await SendAsync(body, cancel);
                var response = await _reader.ReadHeadAsync(lambdaHeaders, cancel);
                await _reader.ReadBodyAsync(response, responseBody, MaxBodyBytes, cancel);
                // A close that woke a blocked read looks like the server's end of a body read to close.
                if (_blocking)
                    cancel.ThrowIfCancellationRequested();
                if (!response.Reusable || _reader.HasBufferedData)
                    CloseConnection();
                return response;
            }
            catch (Exception e) when (attempt == 0 && reused && IsStaleConnection(e, idempotent, cancel))
            {
                CloseConnection();
            }
            catch (Exception) when (_blocking && cancel.IsCancellationRequested)
            {
                // Cancellation closed the socket under a blocked call, which failed however the socket
                // layer reports a closed socket; the caller asked for cancellation, so that is what it gets.
                CloseConnection();
                throw new OperationCanceledException(cancel);
            }
            catch (SocketException e)
            {
                CloseConnection();
                throw new RuntimeApiException(0, $"The connection to the Runtime API at {_authority} failed {_reader.FailurePoint}: {e.Message}");
            }
            catch
            {
                // Whatever is left of a failed or cancelled exchange would be read as the next response.
                CloseConnection();
                throw;
            }
        }
    }

    private bool IsStaleConnection(Exception e, bool idempotent, CancellationToken cancel) =>
        // Nothing came back, so the server closed the idle connection rather than failing this
        // request. A POST is resent only if not a byte of it went out: it may have been processed.
        e is SocketException or RuntimeApiException { StatusCode: 0 }
        && !cancel.IsCancellationRequested
        && _reader.BytesReceived == 0
        && (idempotent || _bytesWritten == 0);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancel)
    {
        while (!bytes.IsEmpty)
        {
            var sent = _blocking
                ? _socket!.Send(bytes.Span, SocketFlags.None)
                : await _socket!.SendAsync(bytes, SocketFlags.None, cancel);
            _bytesWritten += sent;
            bytes = bytes[sent..];
        }
    }

    /// <summary>Returns true when an existing connection is reused.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> EnsureConnectedAsync(CancellationToken cancel)
    {
        if (_socket is not null)
        {
            // An idle connection is readable only if the server closed it or sent stray bytes;
            // either way it cannot carry a request. Checking first spares a POST the ambiguity.
            if (!IsReadable(_socket))
                return true;
            CloseConnection();
        }

        SocketException? failure = null;
        foreach (var endpoint in _endpoints)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                if (_blocking)
                {
                    using (CloseOnCancel(socket, cancel))
                        socket.Connect(endpoint);
                    cancel.ThrowIfCancellationRequested();
                }
                else
                {
                    await socket.ConnectAsync(endpoint, cancel);
                }
                _socket = socket;
                _reader.Attach(socket);
                return false;
            }
            catch (Exception) when (_blocking && cancel.IsCancellationRequested)
            {
                socket.Dispose();
                throw new OperationCanceledException(cancel);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                failure = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw new RuntimeApiException(0, $"Cannot connect to the Runtime API at {_authority}: {failure?.Message}");
    }

    private static bool IsReadable(Socket socket)
    {
        try
        {
            return socket.Poll(0, SelectMode.SelectRead);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Disposed: a cancellation closed it just as the last exchange succeeded. Unusable either way.
            return true;
        }
    }

    /// <summary>
    /// In blocking mode, closes <paramref name="socket"/> if <paramref name="cancel"/> fires: a system call
    /// blocked on it then returns, which is how a blocking call honours cancellation and the POST timeout.
    /// Closing from another thread wakes a blocked connect, send or receive on Linux. Bound to this socket,
    /// not the field, so a cancellation can never close a connection made after it.
    /// </summary>
    private CancellationTokenRegistration CloseOnCancel(Socket socket, CancellationToken cancel) =>
        _blocking ? cancel.UnsafeRegister(static state => ((Socket)state!).Dispose(), socket) : default;

    private void CloseConnection()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private CancellationTokenSource RentTimeout()
    {
        // One source serves every POST while none times out, so posting allocates none.
        var idle = Interlocked.Exchange(ref _timeout, null);
        if (idle is { IsCancellationRequested: false })
            return idle;
        idle?.Dispose();
        return new CancellationTokenSource();
    }

    private void ReturnTimeout(CancellationTokenSource timeout)
    {
        // Disarming now keeps the timer from firing while the loop sits in a long /next poll.
        if (!timeout.TryReset() || Interlocked.CompareExchange(ref _timeout, timeout, null) is not null)
            timeout.Dispose();
    }

    private static void CheckRequestId(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        if (!HttpRequestWriter.IsValidRequestId(requestId))
            throw new ArgumentException(
                $"The request id '{Escape(requestId)}' cannot go in a URL path: it must be 1 to {HttpRequestWriter.MaxRequestIdLength} letters, digits, '-', '.', '_' or '~'.",
                nameof(requestId));
    }

    private static string Escape(string text)
    {
        var shown = text.Length > 80 ? text[..80] + "..." : text;
        return shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static RuntimeApiException StatusError(int status, string method, string path, PooledBuffer body)
    {
        var length = Math.Min(body.Length, MaxBodyTextInMessage);
        var text = length == 0 ? "(no body)" : Encoding.UTF8.GetString(body.Array, 0, length);
        if (body.Length > length)
            text += $"... ({body.Length} bytes)";
        return new RuntimeApiException(status, $"The Runtime API answered {status} to {method} {path}: {text}");
    }

    private void Enter()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            throw new InvalidOperationException("The Runtime API client serves one request at a time.");
    }

    private void Exit() => Volatile.Write(ref _busy, 0);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        CloseConnection();
        _timeout?.Dispose();
        // Buffers go back to the pool only if no request is using them; otherwise the GC takes them.
        if (Interlocked.Exchange(ref _busy, 1) != 0)
            return;
        _reader.Dispose();
        _nextBody.Dispose();
        _postResponseBody.Dispose();
        _requestHead.Dispose();
    }
}
