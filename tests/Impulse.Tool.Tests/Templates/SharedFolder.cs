namespace Impulse.Tool.Tests.Templates;

/// <summary>The repository's sibling <c>shared</c> folder, which holds the published SAM and CloudFormation schemas.</summary>
internal static class SharedFolder
{
    private const string SolutionFile = "Generators.sln";

    public static string Path { get; } = Find();

    public static string File(params string[] parts)
    {
        var path = System.IO.Path.Combine([Path, .. parts]);
        return System.IO.File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The shared file '{string.Join('/', parts)}' is missing from {Path}; the template tests validate against it.", path);
    }

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, SolutionFile)))
            directory = directory.Parent;
        if (directory?.Parent is null)
            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}, so the repository root and its sibling 'shared' folder cannot be found.");

        var shared = System.IO.Path.Combine(directory.Parent.FullName, "shared");
        return Directory.Exists(shared)
            ? shared
            : throw new DirectoryNotFoundException($"The 'shared' folder beside the repository root ({shared}) is missing; it holds the schemas the template tests validate against.");
    }
}
