using System.Text;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Canned Runtime API responses as the bytes a server would send.</summary>
internal static class Wire
{
    public const long Deadline = 1_700_000_000_123;

    /// <summary>The header lines of a /next answer for <paramref name="requestId"/>, each ending in CRLF.</summary>
    public static string LambdaHeaders(string requestId = "req-1") =>
        $"Lambda-Runtime-Aws-Request-Id: {requestId}\r\n" +
        $"Lambda-Runtime-Deadline-Ms: {Deadline}\r\n" +
        "Lambda-Runtime-Invoked-Function-Arn: arn:aws:lambda:us-east-1:123456789012:function:f\r\n";

    /// <summary>A complete /next answer with a Content-Length body.</summary>
    public static string Next(string body, string requestId = "req-1") =>
        $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{LambdaHeaders(requestId)}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>A /next head announcing a chunked body; the chunks follow separately.</summary>
    public static string NextChunkedHead(string requestId = "req-1") =>
        $"HTTP/1.1 200 OK\r\n{LambdaHeaders(requestId)}Transfer-Encoding: chunked\r\n\r\n";

    /// <summary>The answer to a post that the Runtime API accepted.</summary>
    public const string Accepted = "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 16\r\n\r\n{\"status\":\"OK\"}\n";

    public static byte[] Bytes(string ascii) => Encoding.ASCII.GetBytes(ascii);

    /// <summary>Deterministic bytes of every value, so a misplaced or dropped byte shows.</summary>
    public static byte[] Payload(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
