namespace Impulse.Integration.Infrastructure;

/// <summary>Finds the repository a test or benchmark binary was built from, by walking up from its output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The repository root: the nearest folder up that holds <c>Generators.sln</c>, or <c>Directory.Build.props</c> beside <c>src</c>.</summary>
    public static string Find(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generators.sln")))
                return dir.FullName;
            // tests/ and src/ have their own Directory.Build.props; only the root has one next to src/.
            if (File.Exists(Path.Combine(dir.FullName, "Directory.Build.props")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No repository root (Generators.sln, or Directory.Build.props beside src/) above '{start ?? AppContext.BaseDirectory}'.");
    }
}
