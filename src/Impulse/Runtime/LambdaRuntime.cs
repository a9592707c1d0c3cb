using System.Buffers;
using Impulse.Dispatch;

namespace Impulse.Runtime;

/// <summary>
/// The Runtime API loop of a custom Lambda runtime: resolve the handler once, then
/// <c>next → invoke → response or error</c> until the Runtime API says stop.
/// </summary>
internal sealed class LambdaRuntime(IRuntimeApi api, FunctionApplication app, LambdaEnvironment environment, LogSink sink, TimeProvider time)
{
    /// <summary>How long a handler that ignored its cancelled deadline may take to return before the process gives up on it.</summary>
    internal static readonly TimeSpan AbandonGrace = TimeSpan.FromSeconds(1);

    private readonly FunctionLogger _log = new(sink, null, environment.Handler);

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
        }
        return 0;
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
            var outcome = await InvocationRunner.RunAsync(invoker, next.Body, result, context, services).ConfigureAwait(false);
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
            await abandoned.WaitAsync(AbandonGrace, time).ConfigureAwait(false);
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

    /// <summary>Reads the environment, connects and runs; the entry point of AWS mode.</summary>
    public static async Task<int> RunFromEnvironmentAsync(FunctionApplication app, LambdaEnvironment environment)
    {
        var sink = LogSink.FromEnvironment(Console.OpenStandardOutput(), TimeProvider.System);
        using var api = new RuntimeApiClient(environment.RuntimeApi);
        return await new LambdaRuntime(api, app, environment, sink, TimeProvider.System).RunAsync().ConfigureAwait(false);
    }
}
