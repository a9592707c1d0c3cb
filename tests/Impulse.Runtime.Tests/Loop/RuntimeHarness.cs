using System.Text;
using Impulse.FakeRuntimeApi;

namespace Impulse.Runtime.Tests.Loop;

/// <summary>A fake Runtime API, a runtime loop connected to it, and the log lines the loop wrote.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly MemoryStream _log = new();
    private readonly RuntimeApiClient _client;

    private RuntimeHarness(FakeRuntimeApiServer server, TestApplication app, string? handler, bool blocking)
    {
        Server = server;
        _client = new RuntimeApiClient(server.Address, blocking);
        var environment = new LambdaEnvironment(server.Address, handler, "test-function", "7", 512);
        Runtime = new LambdaRuntime(_client, app, environment, new LogSink(_log, LogLevel.Debug, TimeProvider.System), TimeProvider.System);
    }

    public FakeRuntimeApiServer Server { get; }
    public LambdaRuntime Runtime { get; }

    public string Log
    {
        get { lock (_log) return Encoding.UTF8.GetString(_log.ToArray()); }
    }

    public static async Task<RuntimeHarness> StartAsync(TestApplication app, bool blocking, string? handler)
    {
        var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        return new RuntimeHarness(server, app, handler, blocking);
    }

    /// <summary>Runs the loop off the test's thread: a blocking client holds its thread for as long as it waits.</summary>
    public Task<int> RunAsync() => Task.Run(() => Runtime.RunAsync());

    /// <summary>Runs the loop until the server has nothing more to give, and returns its exit code.</summary>
    public async Task<int> RunUntilIdleAsync(params string[] events)
    {
        var ids = events.Select(e => Server.Enqueue(Encoding.UTF8.GetBytes(e))).ToArray();
        var run = RunAsync();
        foreach (var id in ids)
        {
            var finished = await Task.WhenAny(run, Server.WaitForOutcomeAsync(id, TimeSpan.FromSeconds(20)));
            if (finished == run)
                break;
        }
        Server.ExitWhenIdle = true;
        return await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Server.DisposeAsync();
    }
}
