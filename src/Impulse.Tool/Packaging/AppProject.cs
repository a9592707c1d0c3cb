using Impulse.Tool.Cli;

namespace Impulse.Tool.Packaging;

/// <summary>The app project a command works on: its <c>.csproj</c> and the folder that holds it (and, by default, its registry).</summary>
/// <param name="ProjectFile">The project file.</param>
internal sealed record AppProject(string ProjectFile)
{
    /// <summary>The project's folder.</summary>
    public string Directory => Path.GetDirectoryName(ProjectFile)!;

    /// <summary>
    /// The project named by <c>--project</c> (a <c>.csproj</c> or a folder with exactly one), or the one in
    /// the working directory; none, or more than one, is a <see cref="UserErrorException"/>.
    /// </summary>
    public static AppProject Locate(string? option, ToolConsole console)
    {
        var path = console.FullPath(option ?? ".");
        if (File.Exists(path))
        {
            return path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? new AppProject(path)
                : throw new UserErrorException($"'{path}' is not a C# project file (.csproj).");
        }
        if (!System.IO.Directory.Exists(path))
            throw new UserErrorException($"The project '{path}' does not exist.");
        var projects = System.IO.Directory.GetFiles(path, "*.csproj");
        return projects.Length switch
        {
            1 => new AppProject(projects[0]),
            0 => throw new UserErrorException($"No .csproj in '{path}': name the app's project with --project."),
            _ => throw new UserErrorException($"More than one .csproj in '{path}': name the app's project with --project."),
        };
    }
}
