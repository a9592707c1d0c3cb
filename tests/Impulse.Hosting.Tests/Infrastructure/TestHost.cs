using System.Text;
using Impulse.Generated;

namespace Impulse.Hosting.Tests.Infrastructure;

/// <summary>
/// The local host serving the test app in-process on a free loopback port, with its own queue database and captured
/// output, and an <see cref="HttpClient"/> pointed at it that signs Invoke API calls with <see cref="SigningKey.Tests"/>,
/// a key of the host's own account that may invoke every function.
/// </summary>
internal sealed class TestHost : IAsyncDisposable
{
    private readonly string _folder;
    private readonly CapturedStream _log;
    private readonly StringWriter _banner;

    private TestHost(LocalHostHandle handle, string folder, CapturedStream log, StringWriter banner)
    {
        Handle = handle;
        _folder = folder;
        _log = log;
        _banner = banner;
        Client = new HttpClient(new SigningHandler(SigningKey.Tests)) { BaseAddress = handle.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LocalHostHandle Handle { get; }
    public HttpClient Client { get; }

    /// <summary>Every log line written so far.</summary>
    public IReadOnlyList<string> LogLines => _log.Lines;

    /// <summary>What the host printed at start.</summary>
    public string Banner => _banner.ToString();

    /// <summary>Starts a host; <paramref name="configure"/> adjusts the options (retry delays are short by default).</summary>
    public static async Task<TestHost> StartAsync(Action<LocalHostOptions>? configure = null, string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", Guid.NewGuid().ToString("N"));
        var log = new CapturedStream();
        var banner = new StringWriter();
        var options = new LocalHostOptions
        {
            Port = 0,
            QueueDatabasePath = Path.Combine(folder, "queues.db"),
            AsyncRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)],
            LogOutput = log,
            Output = banner,
            MinimumLogLevel = LogLevel.Info,
            // Hermetic: no appsettings.json or IMPULSE__ variables from the machine; queues on the embedded database.
            Configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build(),
            // Failed messages come back quickly, and idle poller workers retire quickly.
            QueueVisibilityTimeout = TimeSpan.FromSeconds(2),
            PollerLongPoll = TimeSpan.FromSeconds(1),
        };
        configure?.Invoke(options);
        // Whatever configuration a test gives the host, it accepts the key the client signs with.
        options.Configuration = SigningKey.WithTestsKey(options.Configuration);
        var handle = await LocalHost.StartAsync(new ImpulseFunctionApplication(), options);
        return new TestHost(handle, folder, log, banner);
    }

    public Task<HttpResponseMessage> InvokeAsync(string function, string payload, string? invocationType = null, string? logType = null, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/invocations{query}")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        if (invocationType is not null)
            request.Headers.Add("X-Amz-Invocation-Type", invocationType);
        if (logType is not null)
            request.Headers.Add("X-Amz-Log-Type", logType);
        return Client.SendAsync(request);
    }

    /// <summary>The folder of the host's queue database, for a second host on the same queues.</summary>
    public string Folder => _folder;

    /// <summary>Stops the host and keeps its queue database, so a test can start another host on it.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await Handle.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>A stream the host logs to, readable as lines while it writes.</summary>
    private sealed class CapturedStream : Stream
    {
        private readonly MemoryStream _inner = new();

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_inner)
                    return Encoding.UTF8.GetString(_inner.GetBuffer(), 0, (int)_inner.Length).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_inner)
                _inner.Write(buffer);
        }
    }
}
