using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Impulse.Sources.Redis.Tests.Infrastructure;

/// <summary>
/// The Redis server every test talks to: the one <c>IMPULSE_REDIS</c> names (<c>host:port</c>; CI starts it with
/// tests/services/redis.sh), or else a <c>redis-server</c> child process on a free loopback port with no persistence,
/// started once for the test run and killed at its end.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private Process? _process;

    /// <summary>The server's <c>host:port</c>.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>A connection allowed admin commands (SCRIPT FLUSH, SCAN), for tests that reach behind the queue.</summary>
    public ConnectionMultiplexer Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("IMPULSE_REDIS");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            Endpoint = configured.Trim();
        }
        else
        {
            var port = FreePort();
            Endpoint = $"127.0.0.1:{port}";
            _process = Start(port);
            await WaitUntilAnswersAsync(port);
        }

        Admin = await ConnectionMultiplexer.ConnectAsync($"{Endpoint},allowAdmin=true");
    }

    public async Task DisposeAsync()
    {
        if (Admin is not null)
        {
            await Admin.DisposeAsync();
        }

        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    /// <summary>A key prefix no other test uses, so tests never see each other's queues.</summary>
    public static string NewPrefix() => $"impulse-test:{Guid.NewGuid():N}";

    /// <summary>Deletes every key under <paramref name="prefix"/>: a server CI shares across runs stays clean.</summary>
    public async Task DeleteKeysAsync(string prefix)
    {
        var server = Admin.GetServer(Admin.GetEndPoints()[0]);
        var database = Admin.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: prefix + ":*", pageSize: 1000))
        {
            await database.KeyDeleteAsync(key);
        }
    }

    private static Process Start(int port)
    {
        var executable = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            "These tests need a Redis server: set IMPULSE_REDIS=host:port, or install redis-server, " +
            "e.g. apt-get install redis-server (tests/services/redis.sh start does both).");
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("redis-server did not start.");
        // Drained so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnswersAsync(int port)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} before it answered on port {port}.");
            }

            try
            {
                using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await socket.ConnectAsync(IPAddress.Loopback, port);
                await socket.SendAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await socket.ReceiveAsync(buffer);
                if (read >= 5 && buffer.AsSpan(0, 5).SequenceEqual("+PONG"u8))
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"redis-server did not answer on port {port} within 20 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>Every test class shares one server; they run one after another, so timing assertions see a quiet machine.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "redis";
}
