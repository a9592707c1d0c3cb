using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Impulse.Hosting.CrashTests.Infrastructure;

/// <summary>
/// The crash app served by the local host in a child process (<c>dotnet Impulse.Hosting.CrashApp.dll serve</c>):
/// started with the environment a test gives it, ready once the host prints where it listens (its pollers run
/// by then), and ended by SIGKILL or SIGTERM.
/// </summary>
internal sealed partial class HostProcess : IDisposable
{
    private const string AppAssembly = "Impulse.Hosting.CrashApp.dll";
    private const int SigTerm = 15;
    private const int TailLines = 60;

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();

    private HostProcess(Process process)
    {
        _process = process;
        // The host logs every invocation; both pipes are drained so it never blocks on a full one.
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static HostProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> arguments)
    {
        // The CLI sets DOTNET_HOST_PATH for the processes it starts, the test host included.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, AppAssembly));
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        // Lambda's variable would send the app into its Runtime API loop instead of the local host.
        info.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        foreach (var (name, value) in environment)
            info.Environment[name] = value;
        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("The crash app did not start."));
    }

    /// <summary>Waits until the host listens, which it prints after its pollers started.</summary>
    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (first != _ready.Task)
        {
            var why = _process.HasExited ? $"it exited with code {_process.ExitCode}" : $"it did not listen within {timeout.TotalSeconds:0} s";
            throw new InvalidOperationException($"The crash app's host did not start: {why}. Its last output:{Environment.NewLine}{Tail()}");
        }
    }

    /// <summary>Kills the host with SIGKILL, as a crash or the OOM killer would, and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends SIGTERM, as a process manager stopping the host does, and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (SendSignal(_process.Id, SigTerm) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}.");
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The host did not stop within {timeout.TotalSeconds:0} s of SIGTERM. Its last output:{Environment.NewLine}{Tail()}");
        }

        return _process.ExitCode;
    }

    /// <summary>The host's last lines of output, for failure messages.</summary>
    public string Tail()
    {
        lock (_gate)
            return string.Join(Environment.NewLine, _tail);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
                _tail.Dequeue();
        }

        if (line.Contains("listening on", StringComparison.Ordinal))
            _ready.TrySetResult();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SendSignal(int pid, int signal);
}
