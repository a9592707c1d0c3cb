using Impulse.FakeRuntimeApi;

namespace Impulse.Integration.Infrastructure;

/// <summary>Waits for invocations to be answered, giving up at once if the process serving them dies.</summary>
public static class OutcomeWaiter
{
    /// <summary>The outcomes of <paramref name="requestIds"/>, in the same order.</summary>
    public static async Task<InvocationOutcome[]> WaitAllAsync(
        FakeRuntimeApiServer server, LambdaProcess process, IReadOnlyList<string> requestIds, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(requestIds);
        var all = Task.WhenAll(requestIds.Select(id => server.WaitForOutcomeAsync(id, timeout)));
        using var stopWatching = new CancellationTokenSource();
        var exited = process.Process.WaitForExitAsync(stopWatching.Token);
        if (await Task.WhenAny(all, exited) == exited && !all.IsCompleted)
        {
            var answered = requestIds.Count(id => server.WaitForOutcomeAsync(id, TimeSpan.Zero).IsCompletedSuccessfully);
            throw new InvalidOperationException(
                $"The process exited with code {process.Process.ExitCode} after answering {answered} of {requestIds.Count} invocations. Its output:{Environment.NewLine}{process.Output.Tail()}");
        }
        await stopWatching.CancelAsync();
        try
        {
            return await all;
        }
        catch (TimeoutException)
        {
            var answered = requestIds.Count(id => server.WaitForOutcomeAsync(id, TimeSpan.Zero).IsCompletedSuccessfully);
            throw new TimeoutException(
                $"Only {answered} of {requestIds.Count} invocations were answered within {timeout.TotalSeconds:0} s. The process's output:{Environment.NewLine}{process.Output.Tail()}");
        }
    }
}
