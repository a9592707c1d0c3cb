using System.Reflection;

namespace Impulse.Generators.Tests;

/// <summary>
/// Approved baseline files, compared in-test. Set IMPULSE_UPDATE_BASELINES=1 to rewrite them from
/// the current output, then review the diff as you would any code change.
/// </summary>
internal static class Baseline
{
    private static readonly string Directory = typeof(Baseline).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BaselineDirectory").Value!;

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
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }
}
