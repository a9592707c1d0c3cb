namespace Impulse.Tool.Tests.Infrastructure;

/// <summary>Finds the repository the tests were built from, by walking up from their output folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The nearest folder up that holds <c>Generators.sln</c>.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generators.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No Generators.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>The sample app's folder.</summary>
    public static string Sample => Path.Combine(Find(), "samples", "OrderService");
}
