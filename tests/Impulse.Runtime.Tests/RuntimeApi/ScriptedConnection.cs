using System.Net.Sockets;
using System.Text;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>One request as the scripted server read it off the wire.</summary>
internal sealed record ScriptedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body, string RawHead);

/// <summary>The server side of one connection, driven by a test's script.</summary>
internal sealed class ScriptedConnection(Socket socket, CancellationToken stop)
{
    private readonly List<byte> _pending = [];
    private readonly byte[] _scratch = new byte[64 * 1024];
    private int _closed;

    /// <summary>Reads one request: its head, and a body by Content-Length.</summary>
    public async Task<ScriptedRequest> ReadRequestAsync() =>
        await TryReadRequestAsync() ?? throw new IOException("The client closed the connection instead of sending a request.");

    /// <summary>Answers each request with <paramref name="respond"/>'s bytes until the client closes the connection.</summary>
    public async Task ServeAsync(Func<ScriptedRequest, string> respond)
    {
        while (await TryReadRequestAsync() is { } request)
            await WriteAsync(respond(request));
    }

    /// <summary>Reads one request, or returns null if the client closes the connection between requests.</summary>
    public async Task<ScriptedRequest?> TryReadRequestAsync()
    {
        if (_pending.Count == 0 && !await ReceiveAsync())
            return null;
        var headEnd = await FillUntilAsync(() => IndexOf(_pending, "\r\n\r\n"u8));
        var rawHead = Encoding.ASCII.GetString([.. _pending.Take(headEnd + 4)]);
        _pending.RemoveRange(0, headEnd + 4);

        var lines = rawHead[..^4].Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var value) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        await FillUntilAsync(() => _pending.Count >= length ? length : -1);
        var body = _pending.Take(length).ToArray();
        _pending.RemoveRange(0, length);
        return new ScriptedRequest(requestLine[0], requestLine[1], headers, body, rawHead);
    }

    public Task WriteAsync(string ascii) => WriteAsync(Encoding.ASCII.GetBytes(ascii));

    public async Task WriteAsync(byte[] bytes)
    {
        var sent = 0;
        while (sent < bytes.Length)
            sent += await socket.SendAsync(bytes.AsMemory(sent), SocketFlags.None, stop);
    }

    /// <summary>Sends <paramref name="bytes"/> <paramref name="piece"/> bytes at a time, pausing between pieces.</summary>
    public async Task DribbleAsync(byte[] bytes, int piece, TimeSpan pause)
    {
        for (var offset = 0; offset < bytes.Length; offset += piece)
        {
            await WriteAsync(bytes[offset..Math.Min(bytes.Length, offset + piece)]);
            await Task.Delay(pause, stop);
        }
    }

    /// <summary>Waits until the client closes its side; true if it did within the hang timeout.</summary>
    public async Task<bool> WaitForClientCloseAsync()
    {
        var scratch = new byte[4096];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(TestTimeouts.Hang);
        try
        {
            while (await socket.ReceiveAsync(scratch, SocketFlags.None, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Waits, without answering, until the test ends.</summary>
    public Task StallAsync() => Task.Delay(Timeout.Infinite, stop).ContinueWith(_ => { }, TaskScheduler.Default);

    /// <summary>Closes gracefully (FIN).</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }
        socket.Dispose();
    }

    /// <summary>Closes abortively (RST), as a crashed server would.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
            return;
        socket.LingerState = new LingerOption(true, 0);
        socket.Dispose();
    }

    private async Task<int> FillUntilAsync(Func<int> found)
    {
        while (true)
        {
            var at = found();
            if (at >= 0)
                return at;
            if (!await ReceiveAsync())
                throw new IOException("The client closed the connection before sending a whole request.");
        }
    }

    private async Task<bool> ReceiveAsync()
    {
        int received;
        try
        {
            received = await socket.ReceiveAsync(_scratch, SocketFlags.None, stop);
        }
        catch (SocketException)
        {
            return false;
        }
        _pending.AddRange(_scratch.AsSpan(0, received));
        return received > 0;
    }

    private static int IndexOf(List<byte> haystack, ReadOnlySpan<byte> needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Count; i++)
        {
            var match = true;
            for (var j = 0; j < needle.Length && match; j++)
                match = haystack[i + j] == needle[j];
            if (match)
                return i;
        }
        return -1;
    }
}
