using System.Diagnostics;

namespace Impulse.Tests.Shared;

/// <summary>
/// Runs a crash probe, a console app built beside the tests, as a child process (<c>dotnet Probe.dll ...</c>)
/// and collects the lines it prints, each of which it prints only after the step it names completed.
/// Shared, as a linked source file, by the queue sources' crash tests.
/// </summary>
internal sealed class ProbeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reading;

    private ProbeProcess(Process process)
    {
        _process = process;
        _reading = Task.Run(ReadAsync);
    }

    public static ProbeProcess Start(string probeAssembly, params string[] arguments)
    {
        // The CLI sets DOTNET_HOST_PATH for the processes it starts, the test host included.
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, probeAssembly + ".dll"));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new ProbeProcess(Process.Start(info) ?? throw new InvalidOperationException("The crash probe did not start."));
    }

    /// <summary>Waits until the probe has opened its queue and started its loop.</summary>
    public async Task WaitReadyAsync()
    {
        var first = await Task.WhenAny(_ready.Task, _process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(30)));
        if (first != _ready.Task)
        {
            throw new InvalidOperationException($"The crash probe was not ready: {(_process.HasExited ? await _process.StandardError.ReadToEndAsync() : "timed out")}");
        }
    }

    /// <summary>The complete lines the probe has printed so far.</summary>
    public IReadOnlyList<string> Lines()
    {
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    /// <summary>Kills the probe with SIGKILL and returns every complete line it printed before it died.</summary>
    public async Task<IReadOnlyList<string>> KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        await _reading;
        lock (_lines)
        {
            return [.. _lines];
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        // A line cut off by the kill has no newline; ReadLineAsync still returns it, so callers parse strictly.
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            lock (_lines)
            {
                _lines.Add(line);
            }

            if (line == "ready")
            {
                _ready.TrySetResult();
            }
        }
    }
}
