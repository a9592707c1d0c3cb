using System.Buffers.Text;
using System.Text;

namespace Impulse.Runtime;

/// <summary>Writes the Runtime API's request heads as ASCII into a reused buffer.</summary>
internal static class HttpRequestWriter
{
    public const string ApiVersion = "/2018-06-01";
    public const string NextPath = ApiVersion + "/runtime/invocation/next";
    public const string InitErrorPath = ApiVersion + "/runtime/init/error";
    private const string InvocationPrefix = ApiVersion + "/runtime/invocation/";

    /// <summary>The longest request id accepted; Lambda's are 36-character UUIDs.</summary>
    public const int MaxRequestIdLength = 256;

    /// <summary>The header lines every request carries, after the request line.</summary>
    public static byte[] CommonHeaders(string authority) =>
        Encoding.ASCII.GetBytes($"Host: {authority}\r\nUser-Agent: impulse/0.1\r\n");

    public static byte[] NextRequest(byte[] commonHeaders) =>
        [.. "GET "u8, .. Encoding.ASCII.GetBytes(NextPath), .. " HTTP/1.1\r\n"u8, .. commonHeaders, .. "\r\n"u8];

    /// <summary>
    /// Writes a POST head: to <c>/runtime/invocation/{requestId}/{kind}</c>, or to
    /// <c>/runtime/init/error</c> when <paramref name="requestId"/> is null. An error type makes it
    /// an error report. Returns the head's length.
    /// </summary>
    public static int WritePost(PooledBuffer buffer, byte[] commonHeaders, string? requestId, string kind, int contentLength, string? errorType)
    {
        buffer.EnsureCapacity(256 + commonHeaders.Length + (requestId?.Length ?? 0) + (errorType?.Length ?? 0));
        var writer = new Writer(buffer.Array);
        writer.Write("POST "u8);
        if (requestId is null)
        {
            writer.WriteAscii(InitErrorPath);
        }
        else
        {
            writer.WriteAscii(InvocationPrefix);
            writer.WriteAscii(requestId);
            writer.Write("/"u8);
            writer.WriteAscii(kind);
        }
        writer.Write(" HTTP/1.1\r\n"u8);
        writer.Write(commonHeaders);
        writer.Write("Content-Length: "u8);
        writer.WriteNumber(contentLength);
        writer.Write("\r\n"u8);
        if (errorType is not null)
        {
            writer.Write("Content-Type: application/vnd.aws.lambda.error+json\r\nLambda-Runtime-Function-Error-Type: "u8);
            writer.WriteSanitized(errorType);
            writer.Write("\r\n"u8);
        }
        writer.Write("\r\n"u8);
        return writer.Position;
    }

    public static string PostPath(string? requestId, string kind) =>
        requestId is null ? InitErrorPath : $"{InvocationPrefix}{requestId}/{kind}";

    /// <summary>
    /// Refuses an id that would not stay one path segment: only RFC 3986 unreserved characters pass,
    /// so CR, LF, '/', '?', '%' and spaces never reach the wire.
    /// </summary>
    public static bool IsValidRequestId(string? requestId) =>
        !string.IsNullOrEmpty(requestId)
        && requestId.Length <= MaxRequestIdLength
        && !requestId.AsSpan().ContainsAnyExcept(UnreservedChars);

    private static readonly System.Buffers.SearchValues<char> UnreservedChars =
        System.Buffers.SearchValues.Create("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private ref struct Writer(Span<byte> destination)
    {
        private readonly Span<byte> _destination = destination;

        public int Position { get; private set; }

        public void Write(ReadOnlySpan<byte> bytes)
        {
            bytes.CopyTo(_destination[Position..]);
            Position += bytes.Length;
        }

        /// <summary>Writes text already known to be ASCII.</summary>
        public void WriteAscii(string text)
        {
            Ascii.FromUtf16(text, _destination[Position..], out var written);
            Position += written;
        }

        /// <summary>
        /// Writes a header value from text we do not control: anything outside printable ASCII becomes
        /// '_', since an error report must still go out when its type name is odd.
        /// </summary>
        public void WriteSanitized(string text)
        {
            foreach (var c in text)
                _destination[Position++] = c is >= ' ' and < (char)0x7F ? (byte)c : (byte)'_';
        }

        public void WriteNumber(int value)
        {
            Utf8Formatter.TryFormat(value, _destination[Position..], out var written);
            Position += written;
        }
    }
}
