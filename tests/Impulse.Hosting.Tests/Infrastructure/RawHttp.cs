using System.Net.Sockets;
using System.Text;

namespace Impulse.Hosting.Tests.Infrastructure;

/// <summary>
/// Sends a request exactly as written, for what <see cref="HttpClient"/> will not send: a header repeated on
/// separate lines, an unencoded request target.
/// </summary>
internal static class RawHttp
{
    /// <returns>The whole response, head and body, as text; the request asks the server to close the connection.</returns>
    public static async Task<string> SendAsync(Uri address, string head)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(address.Host, address.Port);
        var stream = client.GetStream();
        var request = head.ReplaceLineEndings("\r\n").TrimEnd() + $"\r\nHost: {address.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The body of a raw response.</summary>
    public static string BodyOf(string response) => response[(response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
}
