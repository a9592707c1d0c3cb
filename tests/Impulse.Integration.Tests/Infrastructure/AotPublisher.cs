using System.Diagnostics;

namespace Impulse.Integration.Infrastructure;

/// <summary>The outcome of one native AOT publish.</summary>
/// <param name="Command">The command line that ran.</param>
/// <param name="Result">Its exit code and output.</param>
/// <param name="OutputDirectory">The <c>-o</c> folder.</param>
public sealed record PublishResult(string Command, ProcessResult Result, string OutputDirectory)
{
    /// <summary>True when the command succeeded.</summary>
    public bool Succeeded => Result.ExitCode == 0;

    /// <summary>The path of a file the publish should have produced.</summary>
    public string PathOf(string fileName) => Path.Combine(OutputDirectory, fileName);
}

/// <summary>Publishes a project as native AOT for linux-x64 the way CI does, as a child <c>dotnet</c>.</summary>
public static class AotPublisher
{
    /// <summary>Publishes <paramref name="project"/> into <c><paramref name="workDirectory"/>/publish</c>.</summary>
    /// <remarks>
    /// <c>--artifacts-path</c> gives the build its own bin/obj in <paramref name="workDirectory"/>: like CI's fresh
    /// clone, nothing is up to date, so ILC really runs and its IL2xxx/IL3xxx warnings really appear (an up-to-date
    /// native object skips ILC and would hide them); and builds other people run in the work tree are left alone.
    /// </remarks>
    public static async Task<PublishResult> PublishAsync(string project, string workDirectory, TimeSpan timeout)
    {
        var output = Path.Combine(workDirectory, "publish");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDirectory,
            ArgumentList =
            {
                "publish", project, "-c", "Release", "-r", "linux-x64", "-o", output,
                "--artifacts-path", Path.Combine(workDirectory, "artifacts"),
            },
        };
        ScrubBuildEnvironment(start);
        var result = await ChildProcess.RunAsync(start, timeout).ConfigureAwait(false);
        return new PublishResult(ChildProcess.Describe(start), result, output);
    }

    /// <summary>
    /// Under <c>dotnet test</c> the test host inherits MSBuild's own variables (SDK and extension paths, node
    /// settings); a nested build must find its SDK afresh, as a build from a shell does. Leftover build nodes
    /// would also hold the output pipes open after the publish exits, so node reuse is off.
    /// </summary>
    private static void ScrubBuildEnvironment(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.ToList())
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
                start.Environment.Remove(name);
        }
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
    }
}
