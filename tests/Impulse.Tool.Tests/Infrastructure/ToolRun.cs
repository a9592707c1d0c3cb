using System.Diagnostics;
using Impulse.Tool.Cli;

namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>How one run of the tool ended.</summary>
/// <param name="ExitCode">0 done, 1 refused, 2 usage.</param>
/// <param name="Out">What it printed to standard output.</param>
/// <param name="Error">What it printed to standard error.</param>
public sealed record ToolResult(int ExitCode, string Out, string Error)
{
    /// <summary>Fails with the output when the run did not succeed.</summary>
    public ToolResult Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}{Environment.NewLine}stdout:{Environment.NewLine}{Out}{Environment.NewLine}stderr:{Environment.NewLine}{Error}");
        return this;
    }
}

/// <summary>Runs the tool the way a shell does, in-process (fast) or as a child process (for concurrency).</summary>
public static class ToolRun
{
    /// <summary>Runs the tool in-process with its own working directory and environment; nothing leaks from the test host's.</summary>
    public static async Task<ToolResult> InProcessAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ToolConsole(output, error, workingDirectory, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);
        var exit = await ImpulseCli.RunAsync(args, console);
        return new ToolResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the tool in-process against <paramref name="registry"/>, in a scratch working directory.</summary>
    public static Task<ToolResult> AgainstAsync(string registry, params string[] args) =>
        InProcessAsync(Path.GetTempPath(), new Dictionary<string, string> { [CommonOptions.RegistryVariable] = registry }, args);

    /// <summary>Starts the built tool as a child process (<c>dotnet Impulse.Tool.dll ...</c>); the caller awaits it.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(ToolAssembly);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the tool.");
    }

    /// <summary>The tool's assembly, copied beside the tests by the project reference.</summary>
    public static string ToolAssembly => Path.Combine(AppContext.BaseDirectory, "Impulse.Tool.dll");
}
