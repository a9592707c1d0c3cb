using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;

namespace Impulse.Hosting.Tests.Infrastructure;

/// <summary>
/// A tiny Impulse app built as a user's is (a generated <c>Main</c> that starts the local host because the app
/// references Impulse.Hosting), so tests can run it as its own process and send it real signals. Built once per
/// test class, into a temp folder, against the Impulse projects this test assembly was built with.
/// </summary>
public sealed class ServedApp : IAsyncLifetime
{
    private const string Project = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <AssemblyName>served-app</AssemblyName>
          </PropertyGroup>
          <Import Project="{root}src/Impulse/build/Impulse.props" />
          <ItemGroup>
            <ProjectReference Include="{root}src/Impulse/Impulse.csproj" />
            <ProjectReference Include="{root}src/Impulse.Hosting/Impulse.Hosting.csproj" />
            <ProjectReference Include="{root}src/Impulse.Generators/Impulse.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
          </ItemGroup>
        </Project>
        """;

    private const string Functions = """
        using Impulse;

        public static class Functions
        {
            [Function("slow", TimeoutSeconds = 10)]
            [PushTrigger(PushSource.Http, "GET /slow")]
            public static async Task<string> Slow(System.Text.Json.JsonElement request, FunctionContext context)
            {
                context.Logger.Info("slow started");
                await Task.Delay(1500);
                return "done";
            }
        }
        """;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "impulse-hosting-tests", "served-" + Guid.NewGuid().ToString("N"));

    private string _configuration = "Debug";

    /// <summary>The built app's entry assembly.</summary>
    public string EntryPath => Path.Combine(_folder, "bin", _configuration, "net10.0", "served-app.dll");

    public string Folder => _folder;

    public async Task InitializeAsync()
    {
        var root = RepoRoot();
        Directory.CreateDirectory(_folder);
        await File.WriteAllTextAsync(Path.Combine(_folder, "ServedApp.csproj"), Project.Replace("{root}", root, StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(_folder, "Functions.cs"), Functions);

        // The Impulse projects were built with this test assembly; building them again could race other builds.
        _configuration = typeof(ServedApp).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            // No -o: it would move every referenced project's output path too, to where nothing was built.
            ArgumentList = { "build", "ServedApp.csproj", "-c", _configuration, "-p:BuildProjectReferences=false" },
        };
        using var build = Start(start);
        var output = build.StandardOutput.ReadToEndAsync();
        var errors = build.StandardError.ReadToEndAsync();
        using var overrun = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await build.WaitForExitAsync(overrun.Token);
        if (build.ExitCode != 0)
            throw new InvalidOperationException($"Building the served app failed:{Environment.NewLine}{await output}{await errors}");
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    /// <summary>Starts the app with <paramref name="args"/>, its output captured line by line.</summary>
    public RunningApp Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _folder, ArgumentList = { EntryPath } };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        // Lambda's variable would send the app into its Runtime API loop instead of the local host.
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        return new RunningApp(Start(start));
    }

    private static Process Start(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        // Under dotnet test the host inherits MSBuild's variables; a nested build must find its SDK afresh.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.StandardInput.Close();
        return process;
    }

    private static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Generators.sln")))
            folder = folder.Parent;
        return (folder ?? throw new InvalidOperationException("The repository root (Generators.sln) is not above the test assembly.")).FullName + Path.DirectorySeparatorChar;
    }
}

/// <summary>A running app process: its output so far, a way to signal it, and its exit.</summary>
public sealed partial class RunningApp : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(string Text, TaskCompletionSource<string> Line)> _waiters = [];
    private readonly Lock _gate = new();

    internal RunningApp(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Output
    {
        get
        {
            lock (_gate)
                return _output.ToString();
        }
    }

    /// <summary>Waits for an output line containing <paramref name="text"/> and returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var waiter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _output.ToString().Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (existing is not null)
                return existing;
            _waiters.Add((text, waiter));
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No output line containing '{text}' within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
        }
    }

    /// <summary>Sends a POSIX signal, as a terminal's Ctrl+C (SIGINT) or a process manager (SIGTERM) does.</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}.");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            // What the host printed last says which part of its shutdown is still waiting.
            throw new TimeoutException($"The app did not exit within {timeout.TotalSeconds:0} s. Output:{Environment.NewLine}{Output}");
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
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
        List<TaskCompletionSource<string>> matched;
        lock (_gate)
        {
            _output.Append(line).Append('\n');
            matched = [.. _waiters.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).Select(w => w.Line)];
            _waiters.RemoveAll(w => line.Contains(w.Text, StringComparison.Ordinal));
        }

        foreach (var waiter in matched)
            waiter.TrySetResult(line);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
