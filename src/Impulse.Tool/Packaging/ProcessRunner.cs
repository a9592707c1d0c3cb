using System.Diagnostics;
using System.Text;

namespace Impulse.Tool.Packaging;

/// <summary>The outcome of a child process: its exit code and everything it printed.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output);

/// <summary>Runs a child process to the end with its output captured.</summary>
internal static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static async Task<ProcessOutcome> RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancel = default)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Under `dotnet run` or `dotnet test` the tool inherits MSBuild's own variables (SDK paths, node settings);
        // a nested build must find its SDK afresh, as a build from a shell does.
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        // Build servers outliving the publish would keep its output pipes open after it exits.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{fileName}'.");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync(cancel).ConfigureAwait(false);
        lock (gate)
            return new ProcessOutcome(process.ExitCode, output.ToString());
    }

    /// <summary>The last <paramref name="count"/> lines of <paramref name="output"/>, for an error message.</summary>
    public static string Tail(string output, int count = 30) =>
        string.Join(Environment.NewLine, output.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Length > 0).TakeLast(count));
}
