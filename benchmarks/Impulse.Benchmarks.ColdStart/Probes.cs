using System.Diagnostics;
using System.Text;
using Impulse.FakeRuntimeApi;
using Impulse.Integration.Infrastructure;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>One cold start: start → first <c>/next</c>, and the resident set right then (by mapping when asked).</summary>
internal sealed record ColdStartRun(double StartToNextMs, long? PeakRssKb, IReadOnlyList<MemoryPart>? Memory);

/// <summary>A warm process's round trips and memory after them.</summary>
internal sealed record WarmRun(Sample RoundTripMs, long? PeakRssKb, long? RssKb, IReadOnlyList<MemoryPart> Memory, int ExitCode);

/// <summary>The measurements, each on fresh processes against a fresh fake Runtime API.</summary>
internal static class Probes
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Times from just before <see cref="Process.Start()"/> to the server's first <c>/next</c>. Both ends are
    /// <see cref="Stopwatch.GetTimestamp"/> in this process (the fake server stamps <c>/next</c> on arrival in
    /// its handler), so they share one monotonic clock.
    /// </summary>
    public static async Task<ColdStartRun> StartToFirstNextAsync(
        string binary, string handler, IReadOnlyDictionary<string, string> environment, bool readMappings = false)
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var process = LambdaProcess.Start(binary, server.Address, handler, environment);
        await WaitForFirstNextAsync(server, process);
        var elapsed = Stopwatch.GetElapsedTime(process.StartTimestamp, server.FirstNextTimestamp!.Value);
        // The process now waits in /next: its resident set is what start-up cost.
        var peak = ProcMemory.StatusKb(process.Process.Id, "VmHWM");
        var memory = readMappings ? ProcMemory.Breakdown(process.Process.Id, RealPath(binary)) : null;
        server.ExitWhenIdle = true;
        await process.WaitForExitAsync(Timeout);
        return new ColdStartRun(elapsed.TotalMilliseconds, peak, memory);
    }

    /// <summary>Times a process that needs no server from just before start to its observed exit; fails unless it exits 0.</summary>
    public static async Task<double> StartToExitAsync(string binary)
    {
        using var process = LambdaProcess.Start(binary, "127.0.0.1:9", "none");
        var exitCode = await process.WaitForExitAsync(Timeout);
        var elapsed = Stopwatch.GetElapsedTime(process.StartTimestamp);
        if (exitCode != 0)
            throw new InvalidOperationException($"'{binary}' exited with {exitCode}: {process.Output.Tail()}");
        return elapsed.TotalMilliseconds;
    }

    /// <summary>
    /// Sends <paramref name="warmup"/> then <paramref name="count"/> invocations one after another, timing each from
    /// enqueue to the outcome the server recorded; then reads the process's memory before letting it go.
    /// </summary>
    public static async Task<WarmRun> RoundTripsAsync(
        string binary, string handler, byte[] body, string? expectedAnswer, int warmup, int count, IReadOnlyDictionary<string, string> environment)
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var process = LambdaProcess.Start(binary, server.Address, handler, environment);
        await WaitForFirstNextAsync(server, process);

        for (var i = 0; i < warmup; i++)
            await InvokeAsync(server, process, body, expectedAnswer);
        var times = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await InvokeAsync(server, process, body, expectedAnswer);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        var pid = process.Process.Id;
        var peak = ProcMemory.StatusKb(pid, "VmHWM");
        var rss = ProcMemory.StatusKb(pid, "VmRSS");
        var memory = ProcMemory.Breakdown(pid, RealPath(binary));
        server.ExitWhenIdle = true;
        var exitCode = await process.WaitForExitAsync(Timeout);
        return new WarmRun(new Sample(times), peak, rss, memory, exitCode);
    }

    private static async Task InvokeAsync(FakeRuntimeApiServer server, LambdaProcess process, byte[] body, string? expectedAnswer)
    {
        var id = server.Enqueue(body);
        InvocationOutcome outcome;
        try
        {
            outcome = await server.WaitForOutcomeAsync(id, Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No answer within {Timeout.TotalSeconds} s. The process's output:{Environment.NewLine}{process.Output.Tail()}");
        }
        var answer = Encoding.UTF8.GetString(outcome.Body);
        if (outcome.IsError || (expectedAnswer is not null && answer != expectedAnswer))
            throw new InvalidOperationException($"Unexpected {(outcome.IsError ? "error" : "answer")}: {answer}");
    }

    private static async Task WaitForFirstNextAsync(FakeRuntimeApiServer server, LambdaProcess process)
    {
        try
        {
            await server.WaitForNextRequestAsync(Timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No /next within {Timeout.TotalSeconds} s (exited: {process.Process.HasExited}). Output:{Environment.NewLine}{process.Output.Tail()}");
        }
    }

    // /proc names the executable by its resolved path.
    private static string RealPath(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
