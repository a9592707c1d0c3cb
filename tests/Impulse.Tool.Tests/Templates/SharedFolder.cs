namespace Impulse.Tool.Tests.Templates;

/// <summary>The repository's sibling <c>shared</c> folder, which holds the published SAM and CloudFormation schemas.</summary>
internal static class SharedFolder
{
    private const string SolutionFile = "Generators.sln";

    /// <summary>The folder that holds Generators.sln.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Path { get; } = FindShared();

    public static string File(params string[] parts)
    {
        var path = System.IO.Path.Combine([Path, .. parts]);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The shared file '{string.Join('/', parts)}' is missing from {Path}; the template tests validate against it.", path);
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            directory = directory.Parent;
        return directory?.FullName
            ?? throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}, so the repository root and its sibling 'shared' folder cannot be found.");
    }

    private static string FindShared()
    {
        var parent = Directory.GetParent(RepositoryRoot)
            ?? throw new InvalidOperationException($"The repository root {RepositoryRoot} has no parent folder to hold 'shared'.");
        var shared = System.IO.Path.Combine(parent.FullName, "shared");
        return Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException($"The 'shared' folder beside the repository root ({shared}) is missing; it holds the schemas the template tests validate against.");
    }
}
