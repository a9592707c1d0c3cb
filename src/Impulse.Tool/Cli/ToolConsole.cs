namespace Impulse.Tool.Cli;

/// <summary>
/// What a command may touch of its surroundings: its output streams, its working directory and its
/// environment. Tests run commands in-process with their own; the program passes the real ones.
/// </summary>
/// <param name="Out">Where results go.</param>
/// <param name="Error">Where errors and progress go.</param>
/// <param name="WorkingDirectory">The folder relative paths are resolved against.</param>
/// <param name="Environment">Looks up an environment variable; null when unset.</param>
internal sealed record ToolConsole(TextWriter Out, TextWriter Error, string WorkingDirectory, Func<string, string?> Environment)
{
    /// <summary>The process's own console, folder and environment.</summary>
    public static ToolConsole FromProcess() =>
        new(Console.Out, Console.Error, Directory.GetCurrentDirectory(), System.Environment.GetEnvironmentVariable);

    /// <summary>An absolute path for <paramref name="path"/>, relative ones taken from <see cref="WorkingDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);
}
