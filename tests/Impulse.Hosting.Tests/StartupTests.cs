using System.Net;
using System.Net.Sockets;
using Impulse.Dispatch;
using Impulse.Generated;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>Starting the host: services built once, clear failures, and the command line.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // No test here opened a queue database.
        }
    }

    [Fact]
    public async Task Start_CreateServicesThrows_FailsWithClearMessage()
    {
        var app = new BrokenServicesApp(new ImpulseFunctionApplication());

        var error = await Assert.ThrowsAsync<LocalHostStartException>(() => LocalHost.StartAsync(app, Quiet()));

        Assert.Contains("Building the app's services failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("no database configured", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task Run_CreateServicesThrows_ReturnsExitCode1()
    {
        var app = new BrokenServicesApp(new ImpulseFunctionApplication());

        var exitCode = await LocalHost.RunAsync(["serve", "--port", "0", "--queue-db", TempDatabase()], app);

        Assert.Equal(1, exitCode);
    }

    [Fact]
    public async Task Run_UnknownArgument_ReturnsExitCode2()
    {
        var exitCode = await LocalHost.RunAsync(["serve", "--bogus"], new ImpulseFunctionApplication());

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task Start_ServicesBuilt_OnceForAllInvocations()
    {
        var app = new CountingServicesApp(new ImpulseFunctionApplication());
        await using (var handle = await LocalHost.StartAsync(app, Quiet()))
        {
            using var client = new HttpClient { BaseAddress = handle.Address };
            for (var i = 0; i < 3; i++)
                (await client.GetAsync("/items/1")).Dispose();
        }

        Assert.Equal(1, app.Created);
    }

    [Fact]
    public async Task Start_PortInUse_FailsNamingPort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var options = Quiet();
        options.Port = port;

        var error = await Assert.ThrowsAsync<LocalHostStartException>(() => LocalHost.StartAsync(new ImpulseFunctionApplication(), options));

        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_QueueDatabaseCannotBeOpened_FailsNamingIt()
    {
        Directory.CreateDirectory(_folder);
        var blocker = Path.Combine(_folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var options = Quiet();
        options.QueueDatabasePath = Path.Combine(blocker, "queues.db");

        var error = await Assert.ThrowsAsync<LocalHostStartException>(() => LocalHost.StartAsync(new ImpulseFunctionApplication(), options));

        Assert.Contains(options.QueueDatabasePath, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PortZero_ReportsBoundPort()
    {
        await using var host = await TestHost.StartAsync();

        Assert.Equal("127.0.0.1", host.Handle.Address.Host);
        Assert.NotEqual(0, host.Handle.Address.Port);
    }

    [Fact]
    public void Parse_NoArguments_DefaultsToLoopbackPort3000()
    {
        var options = CommandLine.Parse([], _ => null, out var error, out _)!;

        Assert.Null(error);
        Assert.Equal(IPAddress.Loopback, options.Address);
        Assert.Equal(3000, options.Port);
    }

    [Fact]
    public void Parse_EnvironmentPort_UsedWhenArgumentsNameNone()
    {
        var options = CommandLine.Parse(["serve"], name => name == "IMPULSE_PORT" ? "4000" : null, out _, out _)!;

        Assert.Equal(4000, options.Port);
    }

    [Theory]
    [InlineData("--port", "5000")]
    [InlineData("--port=5000", null)]
    public void Parse_PortArgument_WinsOverEnvironment(string first, string? second)
    {
        string[] args = second is null ? ["serve", first] : ["serve", first, second];

        var options = CommandLine.Parse(args, _ => "4000", out _, out _)!;

        Assert.Equal(5000, options.Port);
    }

    [Fact]
    public void Parse_AllOptions_Applied()
    {
        var options = CommandLine.Parse(["--host", "0.0.0.0", "--max-concurrency", "8", "--queue-db", "q.db"], _ => null, out _, out _)!;

        Assert.Equal(IPAddress.Any, options.Address);
        Assert.Equal(8, options.MaxConcurrency);
        Assert.Equal("q.db", options.QueueDatabasePath);
    }

    [Theory]
    [InlineData("--port", "http")]
    [InlineData("--port", "70000")]
    [InlineData("--host", "not-an-ip")]
    [InlineData("--max-concurrency", "-1")]
    [InlineData("--port", null)]
    public void Parse_BadValue_ReturnsError(string name, string? value)
    {
        string[] args = value is null ? [name] : [name, value];

        var options = CommandLine.Parse(args, _ => null, out var error, out _);

        Assert.Null(options);
        Assert.Contains(name, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Help_AsksForHelp()
    {
        Assert.Null(CommandLine.Parse(["serve", "--help"], _ => null, out var error, out var help));
        Assert.True(help);
        Assert.Null(error);
    }

    private LocalHostOptions Quiet() => new()
    {
        Port = 0,
        QueueDatabasePath = TempDatabase(),
        LogOutput = Stream.Null,
        Output = TextWriter.Null,
    };

    private string TempDatabase() => Path.Combine(_folder, Guid.NewGuid().ToString("N"), "queues.db");

    /// <summary>The test app with a <c>CreateServices</c> that fails, as a misconfigured startup would.</summary>
    private sealed class BrokenServicesApp(FunctionApplication inner) : FunctionApplication
    {
        public override IReadOnlyList<FunctionInvoker> Functions => inner.Functions;
        public override ReadOnlySpan<byte> ManifestJson => inner.ManifestJson;
        public override FunctionInvoker? Find(string name) => inner.Find(name);
        public override IServiceProvider CreateServices() => throw new InvalidOperationException("no database configured");
    }

    private sealed class CountingServicesApp(FunctionApplication inner) : FunctionApplication
    {
        public int Created;
        public override IReadOnlyList<FunctionInvoker> Functions => inner.Functions;
        public override ReadOnlySpan<byte> ManifestJson => inner.ManifestJson;
        public override FunctionInvoker? Find(string name) => inner.Find(name);

        // The overload the host calls, so the host's own services reach the inner app.
        public override IServiceProvider CreateServices(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> addHostServices)
        {
            Interlocked.Increment(ref Created);
            return inner.CreateServices(addHostServices);
        }
    }
}
