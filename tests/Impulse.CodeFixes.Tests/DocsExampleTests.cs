using System.Text.RegularExpressions;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// The pages of IMP0021 and IMP0022, compiled against the real AWS SDK: the example reports the diagnostic
/// and the fix does not, so the docs stay true as the analyzer changes.
/// </summary>
public sealed partial class DocsExampleTests
{
    [Theory]
    [InlineData("IMP0021")]
    [InlineData("IMP0022")]
    public async Task DocsPage_ExampleReportsTheDiagnosticAndFixDoesNot(string id)
    {
        var page = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "docs", "diagnostics", id + ".md"));

        var example = await SdkAnalyzerVerifier.ReportedAsync(Snippet(page, "## Example"));
        var fix = await SdkAnalyzerVerifier.ReportedAsync(Snippet(page, "## How to fix"));

        Assert.Contains(id, example.Select(d => d.Id));
        Assert.Empty(fix);
    }

    private static string Snippet(string page, string heading)
    {
        var code = CSharpBlock().Match(page[page.IndexOf(heading, StringComparison.Ordinal)..]);
        Assert.True(code.Success, $"No C# example under '{heading}'.");
        return code.Groups[1].Value;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "docs", "diagnostics")))
                return directory.FullName;
        }
        throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
