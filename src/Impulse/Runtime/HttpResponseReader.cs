using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Text;

namespace Impulse.Runtime;

/// <summary>
/// Reads HTTP/1.1 responses from one connection, strictly, through a receive buffer that is kept
/// across responses. Anything that does not parse is a <see cref="RuntimeApiException"/> with status 0.
/// </summary>
/// <param name="blocking">
/// True to receive with blocking calls on the calling thread, so every read completes synchronously; see
/// <see cref="RuntimeApiClient"/>. The cancellation token is then not watched here: the caller closes the socket.
/// </param>
internal sealed partial class HttpResponseReader(bool blocking = false) : IDisposable
{
    /// <summary>The most a status line and header section (interim responses included) may take.</summary>
    public const int MaxHeaderBytes = 64 * 1024;

    private const int InitialBufferSize = 16 * 1024;

    // RFC 9110 tchar: what a header name may be made of.
    private static readonly SearchValues<byte> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    // Control characters other than HTAB may not appear in a field value (RFC 9110 section 5.5).
    private static readonly SearchValues<byte> ControlChars = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 127]);

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private Socket? _socket;
    private string _reading = "the status line";

    /// <summary>Bytes received since <see cref="BeginResponse"/>; zero means the peer said nothing.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>True when bytes beyond the last response arrived, which a well-behaved server never sends.</summary>
    public bool HasBufferedData => _end > _start;

    /// <summary>Starts reading from a new connection, forgetting anything buffered from the last one.</summary>
    public void Attach(Socket socket)
    {
        _socket = socket;
        _start = _end = 0;
    }

    public void BeginResponse() => BytesReceived = 0;

    /// <summary>Where in the response a failure struck, for messages.</summary>
    public string FailurePoint => BytesReceived == 0 ? "before any response arrived" : $"in the middle of {_reading}";

    /// <summary>Reads a status line and header section, skipping interim (1xx) responses.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ResponseHead> ReadHeadAsync(bool lambdaHeaders, CancellationToken cancel)
    {
        var budget = MaxHeaderBytes;
        while (true)
        {
            var head = new ResponseHead { ContentLength = -1 };
            var length = await FillLineAsync(budget, "the status line", cancel);
            budget -= length + 2;
            ParseStatusLine(_buffer.AsSpan(_start, length), ref head);
            Consume(length + 2);

            while (true)
            {
                length = await FillLineAsync(budget, "the response headers", cancel);
                budget -= length + 2;
                if (length == 0)
                    break;
                ParseHeaderLine(_buffer.AsSpan(_start, length), ref head, lambdaHeaders);
                Consume(length + 2);
            }
            Consume(2);

            if (head.Status is >= 100 and < 200)
            {
                // We never ask to switch protocols, so a 101 cannot be followed.
                if (head.Status == 101)
                    throw Malformed("it switched protocols (101) unasked");
                continue;
            }
            ChooseFraming(ref head);
            return head;
        }
    }

    private static void ParseStatusLine(ReadOnlySpan<byte> line, ref ResponseHead head)
    {
        // status-line = HTTP-version SP 3DIGIT SP [ reason-phrase ]; the SP before an empty reason is
        // often left out, so that is tolerated.
        if (line.Length < 12
            || !line.StartsWith("HTTP/1."u8)
            || (line[7] != (byte)'1' && line[7] != (byte)'0')
            || line[8] != (byte)' '
            || !char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11])
            || (line.Length > 12 && line[12] != (byte)' ')
            || line.ContainsAny(ControlChars))
            throw Malformed($"the status line is not HTTP/1.x: '{Printable(line)}'");

        head.Http10 = line[7] == (byte)'0';
        head.Status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (head.Status < 100)
            throw Malformed($"the status code is out of range: '{Printable(line)}'");
    }

    private static void ParseHeaderLine(ReadOnlySpan<byte> line, ref ResponseHead head, bool lambdaHeaders)
    {
        var colon = line.IndexOf((byte)':');
        // No whitespace may precede the colon, and a line starting with whitespace is an obsolete fold.
        if (colon <= 0 || line[..colon].ContainsAnyExcept(TokenChars))
            throw Malformed($"a header line is not 'name: value': '{Printable(line)}'");
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t"u8);
        if (value.ContainsAny(ControlChars))
            throw Malformed($"header '{Printable(name)}' has a control character in its value");

        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            var contentLength = ParseDecimal(value)
                ?? throw Malformed($"Content-Length is not a number: '{Printable(value)}'");
            if (head.ContentLength >= 0 && head.ContentLength != contentLength)
                throw Malformed("it has two different Content-Length values");
            head.ContentLength = contentLength;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            // Only chunked is ever applied by the Runtime API; stacking codings would need decoders.
            if (head.Chunked || !Ascii.EqualsIgnoreCase(value, "chunked"u8))
                throw Malformed($"Transfer-Encoding '{Printable(value)}' is not supported, only 'chunked'");
            head.Chunked = true;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
        {
            foreach (var range in value.Split((byte)','))
            {
                var option = value[range].Trim(" \t"u8);
                head.ConnectionClose |= Ascii.EqualsIgnoreCase(option, "close"u8);
                head.ConnectionKeepAlive |= Ascii.EqualsIgnoreCase(option, "keep-alive"u8);
            }
        }
        else if (lambdaHeaders && name.Length > 15 && Ascii.EqualsIgnoreCase(name[..15], "Lambda-Runtime-"u8))
        {
            ParseLambdaHeader(name[15..], value, ref head);
        }
    }

    private static void ParseLambdaHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, ref ResponseHead head)
    {
        if (Ascii.EqualsIgnoreCase(name, "Aws-Request-Id"u8))
            head.RequestId = Encoding.UTF8.GetString(value);
        else if (Ascii.EqualsIgnoreCase(name, "Deadline-Ms"u8))
            head.DeadlineUnixMs = ParseDecimal(value)
                ?? throw Malformed($"Lambda-Runtime-Deadline-Ms is not a number: '{Printable(value)}'");
        else if (Ascii.EqualsIgnoreCase(name, "Invoked-Function-Arn"u8))
            head.InvokedFunctionArn = Encoding.UTF8.GetString(value);
        else if (Ascii.EqualsIgnoreCase(name, "Trace-Id"u8))
            head.TraceId = Encoding.UTF8.GetString(value);
        else if (Ascii.EqualsIgnoreCase(name, "Client-Context"u8))
            head.ClientContext = Encoding.UTF8.GetString(value);
        else if (Ascii.EqualsIgnoreCase(name, "Cognito-Identity"u8))
            head.CognitoIdentity = Encoding.UTF8.GetString(value);
    }

    private static void ChooseFraming(ref ResponseHead head)
    {
        var keepAlive = head.Http10 ? head.ConnectionKeepAlive && !head.ConnectionClose : !head.ConnectionClose;
        if (head.Status is 204 or 304)
        {
            head.Framing = BodyFraming.None;
        }
        else if (head.Chunked && head.ContentLength >= 0)
        {
            // Both at once is how requests get smuggled past proxies; a sound server never sends it.
            throw Malformed("it has both Content-Length and Transfer-Encoding");
        }
        else if (head.Chunked)
        {
            head.Framing = BodyFraming.Chunked;
        }
        else if (head.ContentLength >= 0)
        {
            head.Framing = BodyFraming.ContentLength;
        }
        else if (head.Status == 202)
        {
            // The Runtime API's 202 carries nothing we need. Reading to close would hang on a server
            // that keeps the connection open, so take no body and start afresh next time.
            head.Framing = BodyFraming.None;
            keepAlive = false;
        }
        else
        {
            head.Framing = BodyFraming.UntilClose;
            keepAlive = false;
        }
        head.Reusable = keepAlive;
    }

    private static long? ParseDecimal(ReadOnlySpan<byte> value)
    {
        // 1*DIGIT only: no sign, no spaces, no list; 18 digits cannot overflow a long.
        if (value.IsEmpty || value.Length > 18 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            return null;
        long result = 0;
        foreach (var digit in value)
            result = result * 10 + (digit - '0');
        return result;
    }

    /// <summary>
    /// Waits until the buffer holds a whole CRLF-terminated line at its start and returns the line's
    /// length without the CRLF.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillLineAsync(int maxLength, string what, CancellationToken cancel)
    {
        var searched = 0;
        while (true)
        {
            var lf = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (lf >= 0)
            {
                var length = searched + lf;
                if (length == 0 || _buffer[_start + length - 1] != (byte)'\r')
                    throw Malformed($"a line in {what} ends with a bare LF");
                if (length - 1 > maxLength)
                    throw TooLong(what);
                return length - 1;
            }
            searched = _end - _start;
            if (searched >= maxLength + 2)
                throw TooLong(what);
            await ReceiveAsync(maxLength + 2, what, cancel);
        }
    }

    private static RuntimeApiException TooLong(string what) =>
        Malformed($"{what} exceeds the {MaxHeaderBytes / 1024} KB limit on response headers");

    /// <summary>Receives at least one more byte into the buffer, making room for <paramref name="window"/> buffered bytes.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReceiveAsync(int window, string what, CancellationToken cancel)
    {
        _reading = what;
        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }
            else
            {
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, window));
                _buffer.AsSpan(0, _end).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
        }
        var received = await ReceiveFromSocketAsync(_buffer.AsMemory(_end), cancel);
        if (received == 0)
            throw ClosedDuring(what);
        _end += received;
        BytesReceived += received;
    }

    /// <summary>One receive from the socket: a blocking call in blocking mode, otherwise an asynchronous one.</summary>
    private ValueTask<int> ReceiveFromSocketAsync(Memory<byte> into, CancellationToken cancel) =>
        blocking ? new(_socket!.Receive(into.Span, SocketFlags.None)) : _socket!.ReceiveAsync(into, SocketFlags.None, cancel);

    private void Consume(int count)
    {
        _start += count;
        if (_start == _end)
            _start = _end = 0;
    }

    private RuntimeApiException ClosedDuring(string what)
    {
        _reading = what;
        return new RuntimeApiException(0, $"The Runtime API closed the connection {FailurePoint}.");
    }

    private static RuntimeApiException Malformed(string detail) =>
        new(0, $"The Runtime API sent a malformed response: {detail}.");

    /// <summary>Shows untrusted bytes in a message: printable ASCII kept, the rest as '?', cut at 80.</summary>
    internal static string Printable(ReadOnlySpan<byte> bytes)
    {
        const int Max = 80;
        var shown = bytes[..Math.Min(bytes.Length, Max)];
        var chars = new char[shown.Length + (bytes.Length > Max ? 3 : 0)];
        for (var i = 0; i < shown.Length; i++)
            chars[i] = shown[i] is >= 0x20 and < 0x7F ? (char)shown[i] : '?';
        if (bytes.Length > Max)
            "...".CopyTo(chars.AsSpan(shown.Length));
        return new string(chars);
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        _start = _end = 0;
        _socket = null;
        if (buffer.Length > 0)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
