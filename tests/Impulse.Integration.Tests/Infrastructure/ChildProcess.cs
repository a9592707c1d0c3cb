using System.Diagnostics;

namespace Impulse.Integration.Infrastructure;

/// <summary>How a child process that ran to the end finished.</summary>
/// <param name="ExitCode">Its exit code.</param>
/// <param name="StandardOutput">All it wrote to standard output.</param>
/// <param name="StandardError">All it wrote to standard error.</param>
/// <param name="Output">Both streams, line by line in the order they were read.</param>
/// <param name="Elapsed">Wall time from start to exit.</param>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, string Output, TimeSpan Elapsed);

/// <summary>Runs a command to completion with its output captured, and kills it (with its children) if it overruns.</summary>
public static class ChildProcess
{
    /// <summary>Runs <paramref name="start"/>; throws <see cref="TimeoutException"/>, with the output so far, after <paramref name="timeout"/>.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // CI runs with no standard input; a closed pipe gives the child the same end-of-file.
        start.RedirectStandardInput = true;

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{start.FileName}'.");
        process.StandardInput.Close();
        var output = OutputCapture.Attach(process);
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(overrun.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (overrun.IsCancellationRequested)
        {
            KillTree(process);
            throw new TimeoutException(
                $"'{Describe(start)}' did not finish within {timeout.TotalSeconds:0} s. Output so far:{Environment.NewLine}{output.Tail()}");
        }
        return new ProcessResult(process.ExitCode, output.StandardOutput, output.StandardError, output.Combined, clock.Elapsed);
    }

    /// <summary>The command line, for messages.</summary>
    public static string Describe(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return string.Join(' ', [start.FileName, .. start.ArgumentList.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a)]);
    }

    /// <summary>Kills a child and everything it started, ignoring one that has already gone.</summary>
    public static void KillTree(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
