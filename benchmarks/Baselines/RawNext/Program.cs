using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

// GET /next, POST a fixed answer, repeat; exit 1 when /next is not 200, as a runtime does.
var api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API") ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set.");
var colon = api.LastIndexOf(':');
using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
socket.Connect(new IPEndPoint(IPAddress.Parse(api[..colon]), int.Parse(api[(colon + 1)..], CultureInfo.InvariantCulture)));

var next = Encoding.ASCII.GetBytes($"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {api}\r\n\r\n");
var answer = "\"pong\""u8.ToArray();
var buffer = new byte[64 * 1024];
while (true)
{
    socket.Send(next);
    var (status, headers) = ReadResponse(socket, buffer);
    if (status != 200)
        return 1;
    var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id");
    socket.Send(Encoding.ASCII.GetBytes(
        $"POST /2018-06-01/runtime/invocation/{requestId}/response HTTP/1.1\r\nHost: {api}\r\nContent-Length: {answer.Length}\r\n\r\n"));
    socket.Send(answer);
    ReadResponse(socket, buffer);
}

// Reads one response with a Content-Length body (all the fake server sends unless a fault says otherwise).
static (int Status, string Headers) ReadResponse(Socket socket, byte[] buffer)
{
    var filled = 0;
    int headEnd;
    while ((headEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
        filled += Receive(socket, buffer, filled);
    var headers = Encoding.ASCII.GetString(buffer, 0, headEnd);
    var length = int.Parse(Header(headers, "Content-Length"), CultureInfo.InvariantCulture);
    for (var body = filled - headEnd - 4; body < length; body += Receive(socket, buffer, 0))
    {
    }
    return (int.Parse(headers.AsSpan(9, 3), CultureInfo.InvariantCulture), headers);
}

static int Receive(Socket socket, byte[] buffer, int offset)
{
    var read = socket.Receive(buffer, offset, buffer.Length - offset, SocketFlags.None);
    return read > 0 ? read : throw new IOException("The Runtime API closed the connection.");
}

static string Header(string headers, string name)
{
    foreach (var line in headers.Split("\r\n"))
    {
        if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            return line[(name.Length + 1)..].Trim();
    }
    throw new InvalidDataException($"The response has no {name} header.");
}
