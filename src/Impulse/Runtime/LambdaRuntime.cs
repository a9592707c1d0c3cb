using System.Buffers;
using System.Runtime;
using Impulse.Dispatch;

namespace Impulse.Runtime;

/// <summary>
/// The Runtime API loop of a custom Lambda runtime: resolve the handler once, then
/// <c>next → invoke → response or error</c> until the Runtime API says stop.
/// </summary>
/// <remarks>
/// With a <see cref="IRuntimeApi.Blocking"/> client the loop never leaves the thread that called
/// <see cref="RunAsync"/>: a synchronous handler runs there from end to end, and a handler that goes
/// asynchronous is waited for there while its continuations run on the thread pool.
/// </remarks>
internal sealed class LambdaRuntime(IRuntimeApi api, FunctionApplication app, LambdaEnvironment environment, LogSink sink, TimeProvider time)
{
    /// <summary>How long a handler that ignored its cancelled deadline may take to return before the process gives up on it.</summary>
    internal static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(1);

    private readonly FunctionLogger _log = new(sink, null, environment.Handler);

    /// <summary>
    /// Whether to collect the young generations once after the first invocation (see <see cref="SettleHeap"/>).
    /// It changes a process-wide GC setting for a moment, so only the process's own loop asks for it.
    /// </summary>
    internal bool SettleHeapAfterFirstInvocation { get; init; }

    /// <summary>Runs until the Runtime API fails or <paramref name="stop"/> fires; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken stop = default)
    {
        var invoker = string.IsNullOrEmpty(environment.Handler) ? null : app.Find(environment.Handler);
        if (invoker is null)
        {
            var known = string.Join(", ", app.Functions.Select(f => f.Name));
            var message = string.IsNullOrEmpty(environment.Handler)
                ? $"_HANDLER is not set; it must name one of this app's functions: {known}."
                : $"Handler '{environment.Handler}' is not a function of this app. Its functions are: {known}.";
            return await FailInitAsync(new FunctionError(FunctionError.UnknownHandlerType, message, []), stop).ConfigureAwait(false);
        }

        IServiceProvider services;
        try
        {
            services = app.CreateServices();
        }
        catch (Exception e)
        {
            var error = FunctionError.From(e) with { Type = FunctionError.InitFailedType };
            return await FailInitAsync(error, stop).ConfigureAwait(false);
        }

        var result = new ArrayBufferWriter<byte>(4096);
        var settle = SettleHeapAfterFirstInvocation;
        while (!stop.IsCancellationRequested)
        {
            RuntimeInvocation next;
            try
            {
                next = await api.NextAsync(stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (RuntimeApiException e)
            {
                // The Runtime API asks a runtime to exit promptly when /next fails.
                _log.Log(LogLevel.Fatal, $"The Runtime API failed to deliver the next invocation: {e.Message}", e);
                return 1;
            }

            var keepGoing = await InvokeAsync(next, invoker, services, result, stop).ConfigureAwait(false);
            if (!keepGoing)
                return 1;
            if (settle)
            {
                settle = false;
                SettleHeap();
            }
        }
        return 0;
    }

    /// <summary>
    /// One collection of the young generations, made with the GC in low-latency mode, once start-up and the
    /// first invocation have built everything that lives as long as the process. Without it the first
    /// collection comes a few invocations in, finds most of gen0 still alive (the service provider, the
    /// dispatch table, the Runtime API client's buffers) and, by its rule for high survival, sets the next
    /// gen0 budget to 20 times the survivors: about 3.3 MB for the sample against its 256 KiB minimum. The
    /// next few thousand invocations then allocate into memory never touched before, and the peak resident
    /// set carries that for the life of the process. In low-latency mode the GC sets the young budgets to a
    /// fixed 256 KiB whatever survived, so the budget starts from the configured minimum and the GC adapts
    /// from real invocations. Costs about half a millisecond, once, after the first answer has gone out.
    /// </summary>
    private static void SettleHeap()
    {
        var mode = GCSettings.LatencyMode;
        // A handler that left a no-GC region open keeps it: a collection would end it, and the setter throws.
        if (mode == GCLatencyMode.NoGCRegion)
            return;
        GCSettings.LatencyMode = GCLatencyMode.LowLatency;
        try
        {
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
        }
        finally
        {
            GCSettings.LatencyMode = mode;
        }
    }

    private async ValueTask<bool> InvokeAsync(RuntimeInvocation next, FunctionInvoker invoker, IServiceProvider services, ArrayBufferWriter<byte> result, CancellationToken stop)
    {
        if (next.TraceId is not null)
            Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", next.TraceId);

        var info = new InvocationInfo(
            next.RequestId,
            environment.FunctionName ?? invoker.Name,
            environment.FunctionVersion ?? "$LATEST",
            next.InvokedFunctionArn,
            environment.MemorySizeMb ?? invoker.MemoryMb,
            DateTimeOffset.FromUnixTimeMilliseconds(next.DeadlineUnixMs),
            next.TraceId,
            next.ClientContext,
            next.CognitoIdentity) { StartedAt = time.GetUtcNow() };
        var context = new FunctionContext(info, new FunctionLogger(sink, next.RequestId, info.FunctionName), time);
        try
        {
            var outcome = await OnThisThread(InvocationRunner.RunAsync(invoker, next.Body, result, context, services)).ConfigureAwait(false);
            var posted = outcome.Status == InvocationStatus.Succeeded
                ? await PostAsync(next.RequestId, null, result.WrittenMemory, stop).ConfigureAwait(false)
                : await PostAsync(next.RequestId, outcome.Error, default, stop).ConfigureAwait(false);
            if (!posted)
                return false;
            return outcome.Abandoned is null || await ReclaimedAsync(outcome.Abandoned).ConfigureAwait(false);
        }
        finally
        {
            context.Release();
        }
    }

    /// <summary>Posts a result or an error; false when the Runtime API failed in a way that ends the process.</summary>
    private async ValueTask<bool> PostAsync(string requestId, FunctionError? error, ReadOnlyMemory<byte> body, CancellationToken stop)
    {
        try
        {
            if (error is null)
                await api.PostResponseAsync(requestId, body, stop).ConfigureAwait(false);
            else
                await api.PostErrorAsync(requestId, error.Type, error.ToJson(), stop).ConfigureAwait(false);
            return true;
        }
        catch (RuntimeApiException e) when (e.StatusCode == 413 && error is null)
        {
            // The Runtime API refused the size; report that rather than leaving the caller without an answer.
            var tooLarge = new FunctionError(FunctionError.ResponseTooLargeType, $"The Runtime API refused the response as too large: {e.Message}", []);
            return await PostAsync(requestId, tooLarge, default, stop).ConfigureAwait(false);
        }
        catch (RuntimeApiException e) when (e.StatusCode is 400 or 403 or 413)
        {
            // The invocation is unknown, already answered or refused; the next one is still ours to serve.
            _log.Warn($"The Runtime API refused the answer to {requestId}: {e.Message}");
            return true;
        }
        catch (RuntimeApiException e)
        {
            _log.Log(LogLevel.Fatal, $"The Runtime API failed while answering {requestId}: {e.Message}", e);
            return false;
        }
    }

    /// <summary>A handler that ignores cancellation cannot be stopped in-process; give it a moment, then let Lambda restart us.</summary>
    private async ValueTask<bool> ReclaimedAsync(Task abandoned)
    {
        try
        {
            await OnThisThread(new ValueTask(abandoned.WaitAsync(AbandonGrace, time))).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _log.Log(LogLevel.Fatal, "A timed-out handler ignored cancellation and is still running; exiting so the environment restarts clean.", []);
            return false;
        }
        catch (Exception)
        {
            // It finished by failing after its timeout was reported; nothing more to say.
        }
        return true;
    }

    /// <summary>
    /// With a blocking client, waits on this thread for work that went asynchronous, so the loop (and its
    /// blocking socket calls) stays on the thread it started on instead of moving to a thread-pool thread.
    /// </summary>
    private ValueTask<T> OnThisThread<T>(ValueTask<T> pending) =>
        !api.Blocking || pending.IsCompleted ? pending : new(pending.AsTask().GetAwaiter().GetResult());

    /// <inheritdoc cref="OnThisThread{T}(ValueTask{T})"/>
    private ValueTask OnThisThread(ValueTask pending)
    {
        if (!api.Blocking || pending.IsCompleted)
            return pending;
        pending.AsTask().GetAwaiter().GetResult();
        return default;
    }

    private async Task<int> FailInitAsync(FunctionError error, CancellationToken stop)
    {
        _log.Log(LogLevel.Fatal, error.Message, [new("errorType", error.Type)]);
        try
        {
            await api.PostInitErrorAsync(error.Type, error.ToJson(), stop).ConfigureAwait(false);
        }
        catch (RuntimeApiException e)
        {
            _log.Log(LogLevel.Fatal, $"The Runtime API did not take the init error: {e.Message}", []);
        }
        return 1;
    }

    /// <summary>
    /// Reads the environment, connects and runs; the entry point of AWS mode. Called on the process's main
    /// thread, which has nothing else to do: the Runtime API calls block it rather than going through the
    /// thread pool, so a synchronous handler is served without starting a single thread-pool thread, and
    /// the returned task is already complete when the loop ends.
    /// </summary>
    public static async Task<int> RunFromEnvironmentAsync(FunctionApplication app, LambdaEnvironment environment)
    {
        var sink = LogSink.FromEnvironment(Console.OpenStandardOutput(), TimeProvider.System);
        using var api = new RuntimeApiClient(environment.RuntimeApi, blocking: true);
        var runtime = new LambdaRuntime(api, app, environment, sink, TimeProvider.System) { SettleHeapAfterFirstInvocation = true };
        return await runtime.RunAsync().ConfigureAwait(false);
    }
}
