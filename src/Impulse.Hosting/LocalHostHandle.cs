using Impulse.Hosting.Polling;
using Impulse.Hosting.Streams;
using Impulse.Sources;
using Microsoft.AspNetCore.Builder;

namespace Impulse.Hosting;

/// <summary>A running local host: where it listens, its queues, and how to stop it.</summary>
public sealed class LocalHostHandle : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly HostServices _services;
    private readonly HostResources _resources;
    private readonly Lock _gate = new();
    private Task? _stopping;

    internal LocalHostHandle(WebApplication web, HostServices services, HostResources resources, Uri address)
    {
        _web = web;
        _services = services;
        _resources = resources;
        Address = address;
    }

    /// <summary>The address the host listens on, such as <c>http://127.0.0.1:3000/</c>, with the real port when 0 was asked for.</summary>
    public Uri Address { get; }

    /// <summary>
    /// The queue where asynchronous invocations of <paramref name="functionName"/> go after their last retry fails,
    /// or null for a function the app lacks. Each message is the original event, with Lambda's <c>RequestID</c>,
    /// <c>ErrorCode</c> and <c>ErrorMessage</c> attributes.
    /// </summary>
    public IQueueSource? GetDeadLetterQueue(string functionName) => _services.Async.DeadLetterQueueOf(functionName);

    /// <summary>
    /// The queue named <paramref name="name"/> on the source configuration selects for it, as pull triggers read it
    /// (with the redrive policy they declare): send to it to feed a trigger, or inspect a dead-letter queue.
    /// </summary>
    /// <exception cref="InvalidOperationException">No configured provider serves the queue, or its broker cannot be reached.</exception>
    public IQueueSource GetQueue(string name) => _services.Queues.Get(name);

    /// <summary>
    /// The stream named <paramref name="name"/>, as stream pull triggers read it: put records on it to feed a trigger,
    /// or read a shard to find the records an on-failure record names.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stream database cannot be opened.</exception>
    public IStreamSource GetStream(string name) => _services.Streams.Get(name);

    /// <summary>Puts records on this host's streams; for a DynamoDB stream trigger's stream, each record must be a change.</summary>
    public IStreamSender StreamSender => _services.StreamSender;

    /// <summary>The shard pollers of the app's stream pull triggers.</summary>
    internal IReadOnlyList<ShardPoller> ShardPollers => _services.StreamPollers.Pollers;

    /// <summary>The sender functions reach through <see cref="AmbientQueueSender"/> while this host serves them.</summary>
    public IQueueSender QueueSender => _services.Sender;

    /// <summary>The pollers of the app's queue pull triggers, for tests that watch them scale.</summary>
    internal IReadOnlyList<QueuePoller> Pollers => _services.Pollers.Pollers;

    /// <summary>Completes when something asks the host to stop: SIGINT or SIGTERM (with signal handling on) or <see cref="StopAsync"/>.</summary>
    public Task WaitForShutdownAsync()
    {
        var stopping = _web.Lifetime.ApplicationStopping;
        if (stopping.IsCancellationRequested)
            return Task.CompletedTask;
        var signalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        stopping.Register(() => signalled.TrySetResult());
        return signalled.Task;
    }

    /// <summary>
    /// Stops accepting requests and taking queued events, lets in-flight invocations finish (each bounded by its
    /// function's timeout), then releases the app's services. Calling it again returns the same stop.
    /// </summary>
    public Task StopAsync()
    {
        lock (_gate)
            return _stopping ??= StopCoreAsync();
    }

    /// <summary>Stops the host, as <see cref="StopAsync"/> does, and releases Kestrel.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _web.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StopCoreAsync()
    {
        // Kestrel first: it stops accepting and waits for in-flight requests, so no new event is queued behind the pollers' backs.
        await _web.StopAsync(CancellationToken.None).ConfigureAwait(false);
        // Schedules and pollers stop feeding work before the asynchronous queue stops running it; pollers finish their
        // batches in flight and return the messages they hold.
        await _services.Schedules.StopAsync().ConfigureAwait(false);
        await _services.Pollers.StopAsync().ConfigureAwait(false);
        await _services.StreamPollers.StopAsync().ConfigureAwait(false);
        await _services.Async.StopAsync().ConfigureAwait(false);
        if (AmbientQueueSender.Current == _services.Sender)
            AmbientQueueSender.InstallForProcess(null);
        if (AmbientStreamSender.Current == _services.StreamSender)
            AmbientStreamSender.InstallForProcess(null);
        await _resources.DisposeAsync().ConfigureAwait(false);
    }
}
