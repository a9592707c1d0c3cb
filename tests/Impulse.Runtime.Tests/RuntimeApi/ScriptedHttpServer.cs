using System.Net;
using System.Net.Sockets;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>
/// A raw TCP server on 127.0.0.1 that plays one script per accepted connection, in accept order,
/// for the byte-level behaviour (dribbled headers, drops, malformed answers) Kestrel will not produce.
/// Connections beyond the scripts are closed at once but still counted.
/// </summary>
internal sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<ScriptedConnection, Task>[] _scripts;
    private readonly TaskCompletionSource[] _done;
    private readonly List<ScriptedConnection> _connections = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _accepted;

    public ScriptedHttpServer(params Func<ScriptedConnection, Task>[] scripts)
        : this(IPAddress.Loopback, scripts)
    {
    }

    public ScriptedHttpServer(IPAddress loopback, params Func<ScriptedConnection, Task>[] scripts)
    {
        _scripts = scripts;
        _done = [.. scripts.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        _listener = new TcpListener(loopback, 0);
        _listener.Start();
        var endpoint = (IPEndPoint)_listener.LocalEndpoint;
        Address = loopback.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{loopback}]:{endpoint.Port}" : $"{loopback}:{endpoint.Port}";
        _acceptLoop = AcceptAsync();
    }

    /// <summary>The <c>host:port</c> to give the client.</summary>
    public string Address { get; }

    /// <summary>How many connections have been accepted, scripted or not.</summary>
    public int ConnectionCount => Volatile.Read(ref _accepted);

    /// <summary>Completes when script <paramref name="index"/> has run to its end; faults if it threw.</summary>
    public Task ScriptDone(int index) => _done[index].Task.WaitAsync(TestTimeouts.Hang);

    /// <summary>Completes when every script has run; a script that threw fails it.</summary>
    public Task AllScriptsDone() => Task.WhenAll(_done.Select(d => d.Task)).WaitAsync(TestTimeouts.Hang);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            // Stopping the listener surfaces as any of these, depending on where the accept was.
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var index = Interlocked.Increment(ref _accepted) - 1;
            var connection = new ScriptedConnection(socket, _stop.Token);
            lock (_connections)
                _connections.Add(connection);
            if (index < _scripts.Length)
                _ = RunAsync(connection, _scripts[index], _done[index]);
            else
                connection.Close();
        }
    }

    private static async Task RunAsync(ScriptedConnection connection, Func<ScriptedConnection, Task> script, TaskCompletionSource done)
    {
        try
        {
            await script(connection);
            done.TrySetResult();
        }
        catch (Exception e)
        {
            connection.Close();
            done.TrySetException(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        lock (_connections)
        {
            foreach (var connection in _connections)
                connection.Close();
        }
        _stop.Dispose();
    }
}
