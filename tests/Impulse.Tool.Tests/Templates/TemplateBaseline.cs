namespace Impulse.Tool.Tests.Templates;

/// <summary>
/// Approved templates under Templates/Baselines, compared in-test, so a change in what the builder writes shows
/// up as a readable diff. Set IMPULSE_UPDATE_BASELINES=1 to rewrite them, then review the diff as code.
/// </summary>
internal static class TemplateBaseline
{
    private static readonly string Directory =
        Path.Combine(SharedFolder.RepositoryRoot, "tests", "Impulse.Tool.Tests", "Templates", "Baselines");

    public static void AssertMatches(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("IMPULSE_UPDATE_BASELINES") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"No baseline {name}; run with IMPULSE_UPDATE_BASELINES=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
