using Impulse.Dispatch;
using Impulse.Hosting.Async;
using Impulse.Hosting.Config;
using Impulse.Hosting.Execution;
using Impulse.Hosting.Http;
using Impulse.Hosting.Invoke;
using Impulse.Hosting.Manifest;
using Impulse.Hosting.Polling;
using Impulse.Hosting.Routing;
using Impulse.Hosting.Schedules;
using Impulse.Hosting.Security;
using Impulse.Hosting.Sending;
using Impulse.Hosting.Streams;
using Impulse.Sources;
using Impulse.Sources.Embedded;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Impulse.Hosting;

/// <summary>
/// Serves an app's functions locally on Kestrel: its HTTP push triggers as API Gateway would, the Lambda Invoke
/// API, asynchronous invocations with retries and a dead-letter queue, schedules, pollers for queue pull triggers,
/// and Lambda's throttling.
/// </summary>
public static class LocalHost
{
    /// <summary>
    /// Runs the host until SIGINT or SIGTERM, then lets in-flight invocations finish; the generated <c>Main</c> calls
    /// this when the app references Impulse.Hosting and is started with no command or with <c>serve</c>.
    /// </summary>
    /// <returns>0 after a clean stop, 1 when the host could not start, 2 for bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, FunctionApplication app)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(app);
        var options = CommandLine.Parse(args, Environment.GetEnvironmentVariable, out var error, out var help);
        if (options is null)
        {
            if (error is not null)
                await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
            await (help ? Console.Out : Console.Error).WriteLineAsync(CommandLine.Usage).ConfigureAwait(false);
            return help ? 0 : 2;
        }

        options.HandleSignals = true;
        LocalHostHandle handle;
        try
        {
            handle = await StartAsync(app, options).ConfigureAwait(false);
        }
        catch (LocalHostStartException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }

        await using (handle.ConfigureAwait(false))
        {
            await handle.WaitForShutdownAsync().ConfigureAwait(false);
            await Console.Out.WriteLineAsync("Stopping: letting in-flight invocations finish.").ConfigureAwait(false);
            await handle.StopAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>
    /// Starts the host in this process and returns once it is listening; tests start it on port 0 and read the
    /// bound address from the handle. The app's services are built once, here.
    /// </summary>
    /// <exception cref="LocalHostStartException">The manifest, a route or the app's services are broken, or the port is taken.</exception>
    public static async Task<LocalHostHandle> StartAsync(FunctionApplication app, LocalHostOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        options ??= new LocalHostOptions();
        var output = options.Output ?? Console.Out;
        var time = options.TimeProvider;
        var level = options.MinimumLogLevel ?? LogSink.ParseLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL"));
        var logOutput = new SharedLogOutput(options.LogOutput ?? Console.OpenStandardOutput());
        var hostLog = new FunctionLogger(new LogSink(new InvocationLogStream(logOutput), level, time), null, null);

        IReadOnlyList<FunctionSpec> specs;
        HttpRouter router;
        SecurityManifest security;
        try
        {
            specs = ManifestReader.Read(app);
            security = SecurityManifest.Read(app.ManifestJson);
            router = new HttpRouter(specs.SelectMany(s => s.HttpRoutes.Select(r => RouteTemplate.Parse(r, s.Name, security.RequiresIamAuth(s.Name, r)))));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or System.Text.Json.JsonException)
        {
            throw new LocalHostStartException($"The app's functions cannot be served: {e.Message}", e);
        }

        var (account, guard) = OpenGuard(options, security, time, hostLog);
        IServiceProvider services;
        try
        {
            services = app.CreateServices(HostServiceRegistrations.Add);
        }
        catch (Exception e)
        {
            throw new LocalHostStartException($"Building the app's services failed, so no function can run: {e.GetType().Name}: {e.Message}", e);
        }

        var hostWide = options.MaxConcurrency > 0 ? new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency) : null;
        var functions = specs.ToDictionary(s => s.Name, s => new HostedFunction(s, new ConcurrencyGate(s.ReservedConcurrency, hostWide)), StringComparer.Ordinal);
        var embedded = new EmbeddedQueueSourceFactory(new EmbeddedQueueOptions { DatabasePath = options.QueueDatabasePath, TimeProvider = time });
        var (queues, brokers) = OpenPullSources(specs, options, embedded);
        var sender = new LocalQueueSender(queues);
        var streams = OpenStreams(options, specs, time);
        var streamSender = new LocalStreamSender(streams);
        var executor = new FunctionExecutor(services, logOutput, level, time, account.Region, account.AccountId, sender, streamSender);
        // Queues close before the factories that opened them, and both after the services that may still send.
        var resources = new HostResources(services, [queues, brokers, embedded, streams]);
        WebApplication? web = null;
        try
        {
            var async = OpenQueues(functions.Values, options, embedded, executor, hostLog);
            var schedules = OpenSchedules(functions.Values, async, executor, hostLog, time);
            var pollers = new QueuePollers(functions.Values, queues, executor, new PollerSettings(options.QueueVisibilityTimeout, 6, Math.Max(1, options.PollerMaxConcurrency), options.PollerLongPoll), hostLog, time);
            var streamPollers = new StreamPollers(functions.Values, streams, queues, executor, new StreamPollerSettings(options.PollerLongPoll, options.StreamRetryDelay, TimeSpan.FromMinutes(1)), hostLog, time);
            var triggers = new HttpTriggers(router, functions, executor, hostLog, time, guard);
            var invokeApi = new InvokeApi(functions, executor, async, hostLog, guard);
            web = Build(options, specs);
            web.Run(new RequestDispatcher(triggers, invokeApi, new ScheduleEndpoint(schedules), hostLog, new StreamEndpoint(streamSender, streams)).HandleAsync);
            try
            {
                await web.StartAsync(cancel).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw new LocalHostStartException($"Cannot listen on {options.Address}:{options.Port}: {e.Message} Choose another port with --port or IMPULSE_PORT.", e);
            }

            // Code outside an invocation (and apps started by `dotnet run`) reaches this host's queues too.
            AmbientQueueSender.InstallForProcess(sender);
            AmbientStreamSender.InstallForProcess(streamSender);
            if (options.RunAsyncInvocations)
            {
                async.Start();
                schedules.Start();
                pollers.Start();
                await StartStreamsAsync(streamPollers).ConfigureAwait(false);
            }

            var address = BoundAddress(web);
            Banner.Write(output, address, triggers.Routes, specs);
            return new LocalHostHandle(web, new HostServices(async, schedules, pollers, queues, sender, streamPollers, streams, streamSender), resources, address);
        }
        catch
        {
            if (web is not null)
                await web.DisposeAsync().ConfigureAwait(false);
            await resources.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The registry of pull triggers' queues, with the built-in providers and the caller's.</summary>
    private static (QueueDirectory Queues, BuiltInSources Brokers) OpenPullSources(IReadOnlyList<FunctionSpec> specs, LocalHostOptions options, EmbeddedQueueSourceFactory embedded)
    {
        try
        {
            var configuration = options.Configuration ?? SourceConfiguration.Load(options.ContentRoot ?? SourceConfiguration.DefaultContentRoot());
            var declared = QueueDirectory.DeclaredRedrives(specs);
            var known = declared.Keys.Concat(declared.Values.Where(r => r is not null).Select(r => r!.DeadLetterQueue));
            var pullSources = SourceConfiguration.ReadPullSources(configuration, known);
            var brokers = new BuiltInSources(configuration, embedded);
            // A caller's factory replaces a built-in one of the same provider name.
            var factories = brokers.Factories.ToDictionary(f => f.Provider, StringComparer.OrdinalIgnoreCase);
            foreach (var factory in options.QueueSourceFactories)
                factories[factory.Provider] = factory;
            return (new QueueDirectory(new QueueSourceRegistry(factories.Values, pullSources), declared), brokers);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new LocalHostStartException($"The queue configuration cannot be used: {e.Message}", e);
        }
    }

    /// <summary>The account the host stands for and the check at its HTTP doors, from <c>Impulse:AccountId</c>, <c>Impulse:Region</c> and <c>Impulse:Auth</c>.</summary>
    private static (HostAccount Account, InvocationGuard Guard) OpenGuard(LocalHostOptions options, SecurityManifest security, TimeProvider time, FunctionLogger log)
    {
        try
        {
            var configuration = options.Configuration ?? SourceConfiguration.Load(options.ContentRoot ?? SourceConfiguration.DefaultContentRoot());
            var account = HostAccount.Read(configuration, options);
            var auth = AuthSettings.Read(configuration);
            if (!auth.Enforce)
                log.Log(LogLevel.Warn, "Impulse:Auth:Enforce is false: the Invoke API and IAM-auth routes take unsigned requests from anyone who can reach this host.");
            else if (auth.Keys.Count == 0)
                log.Log(LogLevel.Warn, "No access keys are configured (Impulse:Auth:Keys), so every Invoke API call and IAM-auth route will be refused; see docs/local-host.md.");
            return (account, InvocationGuard.Create(auth, security, account.Region, account.AccountId, time));
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw new LocalHostStartException($"The access configuration cannot be used: {e.Message}", e);
        }
    }

    private static async Task StartStreamsAsync(StreamPollers streamPollers)
    {
        try
        {
            await streamPollers.StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
        {
            await streamPollers.StopAsync().ConfigureAwait(false);
            throw new LocalHostStartException($"The app's streams cannot be opened: {e.Message} Choose another file with --queue-db.", e);
        }
    }

    /// <summary>The app's streams, on the provider configuration picks.</summary>
    private static StreamDirectory OpenStreams(LocalHostOptions options, IReadOnlyList<FunctionSpec> specs, TimeProvider time)
    {
        try
        {
            return new StreamDirectory(StreamSources.Open(options, time), Math.Max(1, options.StreamShardCount), specs);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new LocalHostStartException($"The stream configuration cannot be used: {e.Message}", e);
        }
    }

    private static ScheduleRunner OpenSchedules(IEnumerable<HostedFunction> functions, AsyncInvocations async, FunctionExecutor executor, FunctionLogger log, TimeProvider time)
    {
        try
        {
            return new ScheduleRunner(functions, async, executor, log, time);
        }
        catch (FormatException e)
        {
            throw new LocalHostStartException($"A schedule cannot be served: {e.Message}", e);
        }
    }

    private static AsyncInvocations OpenQueues(IEnumerable<HostedFunction> functions, LocalHostOptions options, IQueueSourceFactory embedded, FunctionExecutor executor, FunctionLogger log)
    {
        try
        {
            return new AsyncInvocations(functions, options.AsyncQueues ?? embedded, executor, new AsyncSettings(options.AsyncRetryDelays, options.AsyncConcurrency), log);
        }
        catch (Exception e)
        {
            var where = options.AsyncQueues is null ? $"the queue database '{options.QueueDatabasePath}'" : "the asynchronous invocation queues";
            throw new LocalHostStartException($"Cannot open {where}: {e.Message} Choose another file with --queue-db.", e);
        }
    }

    private static WebApplication Build(LocalHostOptions options, IReadOnlyList<FunctionSpec> specs)
    {
        // The empty builder plus Kestrel's core: no configuration files, logging providers, MVC or reflection, so
        // the host stays trimmable and AOT-compatible.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, options.Port);
            // Bodies are read up to Lambda's limits by the host itself, so Kestrel's own limit only stops the absurd.
            kestrel.Limits.MaxRequestBodySize = 2L * RequestBody.MaxSynchronousPayloadBytes;
        });

        // Stopping waits for in-flight invocations, and none can outlive the longest function timeout.
        var longest = specs.Count == 0 ? 0 : specs.Max(s => s.Invoker.TimeoutSeconds);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(longest + 5));
        if (!options.HandleSignals)
            builder.Services.AddSingleton<IHostLifetime, QuietLifetime>();
        return builder.Build();
    }

    private static Uri BoundAddress(WebApplication web)
    {
        var addresses = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new Uri(first);
    }

    /// <summary>A lifetime that leaves signals alone, for hosts started inside another program such as a test run.</summary>
    private sealed class QuietLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The local host could not start; the message says why and what to do.</summary>
public sealed class LocalHostStartException : Exception
{
    /// <summary>An exception with a message for the user and the exception that caused it.</summary>
    public LocalHostStartException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>What the host owns beyond Kestrel and disposes when it stops, in order: the app's services, then the queues and factories it opened.</summary>
internal sealed class HostResources(IServiceProvider services, IReadOnlyList<IAsyncDisposable> owned) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (services is IAsyncDisposable asyncServices)
            await asyncServices.DisposeAsync().ConfigureAwait(false);
        else
            (services as IDisposable)?.Dispose();
        foreach (var resource in owned)
            await resource.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>What runs in the background of a host and what tests reach through its handle.</summary>
internal sealed record HostServices(AsyncInvocations Async, ScheduleRunner Schedules, QueuePollers Pollers, QueueDirectory Queues, IQueueSender Sender, StreamPollers StreamPollers, StreamDirectory Streams, IStreamSender StreamSender);
