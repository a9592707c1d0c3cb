using System.Diagnostics;

namespace Impulse.Integration.Infrastructure;

/// <summary>
/// A native binary started as Lambda starts a custom runtime's <c>bootstrap</c>: a small environment with
/// <c>AWS_LAMBDA_RUNTIME_API</c> and <c>_HANDLER</c>, output drained. Disposing kills it if it is still running,
/// so a failed test never leaves a process behind.
/// </summary>
public sealed class LambdaProcess : IDisposable
{
    private LambdaProcess(Process process, long startTimestamp, OutputCapture output)
    {
        Process = process;
        StartTimestamp = startTimestamp;
        Output = output;
    }

    /// <summary>The running process.</summary>
    public Process Process { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp taken just before the process was started.</summary>
    public long StartTimestamp { get; }

    /// <summary>What the process has written so far.</summary>
    public OutputCapture Output { get; }

    /// <summary>Starts <paramref name="binary"/> in AWS mode against the Runtime API at <paramref name="runtimeApi"/>.</summary>
    /// <param name="binary">The native executable.</param>
    /// <param name="runtimeApi">The <c>host:port</c> of the Runtime API.</param>
    /// <param name="handler">The function to serve.</param>
    /// <param name="environment">Variables to add to Lambda's, such as GC settings under study.</param>
    public static LambdaProcess Start(string binary, string runtimeApi, string handler, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(binary))!,
        };
        SetLambdaEnvironment(start, runtimeApi, handler);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        var timestamp = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{binary}'.");
        return new LambdaProcess(process, timestamp, OutputCapture.Attach(process));
    }

    /// <summary>Waits for the process to exit and returns its exit code; throws <see cref="TimeoutException"/>, with its output, if it does not.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var overrun = new CancellationTokenSource(timeout);
        try
        {
            await Process.WaitForExitAsync(overrun.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (overrun.IsCancellationRequested)
        {
            throw new TimeoutException($"The process did not exit within {timeout.TotalSeconds:0.#} s. Its output:{Environment.NewLine}{Output.Tail()}");
        }
        return Process.ExitCode;
    }

    /// <summary>Kills the process if it is still running.</summary>
    public void Dispose()
    {
        ChildProcess.KillTree(Process);
        Process.WaitForExit(5000);
        Process.Dispose();
    }

    /// <summary>
    /// Replaces the inherited environment with what Lambda gives a custom runtime, so neither the test host's
    /// variables (a <c>DOTNET_gcServer</c>, say) nor a developer's shell change what is measured.
    /// </summary>
    private static void SetLambdaEnvironment(ProcessStartInfo start, string runtimeApi, string handler)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        start.Environment.Clear();
        start.Environment["PATH"] = path;
        start.Environment["LANG"] = "en_US.UTF-8";
        start.Environment["TZ"] = ":UTC";
        start.Environment["LAMBDA_TASK_ROOT"] = start.WorkingDirectory;
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_EXECUTION_ENV"] = "AWS_Lambda_provided.al2023";
        start.Environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = handler;
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "128";
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["_HANDLER"] = handler;
    }
}
