using System.Reflection;
using System.Text.RegularExpressions;
using Impulse.Generators.Analyzers;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Tests.Analyzers;

/// <summary>
/// Every diagnostic is reported by one analyzer, has a docs page whose example really triggers it,
/// and has a row in the release-tracking file, as the house style asks.
/// </summary>
public sealed partial class DiagnosticCatalogTests
{
    private static readonly string RepoRoot = FindRepoRoot();

    public static TheoryData<string> Ids => [.. Descriptors().Select(d => d.Id)];

    // The diagnostics that are not errors: the code they flag builds and works, it is only likely not what was meant.
    private static readonly Dictionary<string, DiagnosticSeverity> NotErrors = new()
    {
        ["IMP0015"] = DiagnosticSeverity.Warning,
        ["IMP0020"] = DiagnosticSeverity.Warning,
        ["IMP0021"] = DiagnosticSeverity.Warning,
        ["IMP0022"] = DiagnosticSeverity.Info,
    };

    [Fact]
    public void Descriptors_AreNumberedInOrderWithoutGaps()
    {
        var ids = Descriptors().Select(d => d.Id).ToList();

        Assert.Equal(Enumerable.Range(1, ids.Count).Select(n => $"IMP{n:D4}"), ids);
    }

    [Fact]
    public void Descriptors_AreEachSupportedByExactlyOneAnalyzer()
    {
        var supported = AnalyzerVerifier.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(Descriptors().Select(d => d.Id), supported);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HasItsSeverityAndHelpLinkToItsPage(string id)
    {
        var descriptor = Descriptors().Single(d => d.Id == id);

        Assert.Equal(NotErrors.GetValueOrDefault(id, DiagnosticSeverity.Error), descriptor.DefaultSeverity);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", Page(id), StringComparison.Ordinal);
        Assert.Equal("Impulse.Functions", descriptor.Category);
        Assert.EndsWith($"/docs/diagnostics/{id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.StartsWith($"# {id}: {descriptor.Title}", Page(id), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void ReleaseTracking_ListsTheDiagnostic(string id)
    {
        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "src", "Impulse.Generators", "AnalyzerReleases.Unshipped.md"));

        var severity = Descriptors().Single(d => d.Id == id).DefaultSeverity;
        Assert.Matches($@"(?m)^{id} \| Impulse\.Functions \| {severity} \|", unshipped);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DocsIndex_LinksThePage(string id)
    {
        var index = File.ReadAllText(Path.Combine(RepoRoot, "docs", "diagnostics", "README.md"));

        Assert.Contains($"[{id}]({id}.md)", index, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task DocsPage_ExampleReportsTheDiagnosticAndFixDoesNot(string id)
    {
        var page = Page(id);

        var example = await AnalyzerVerifier.ReportedAsync(BuildProperties(page, "## Example"), Snippet(page, "## Example"));
        var fix = await AnalyzerVerifier.ReportedAsync(BuildProperties(page, "## How to fix"), Snippet(page, "## How to fix"));

        Assert.Contains(id, example.Select(d => d.Id));
        Assert.DoesNotContain(id, fix.Select(d => d.Id));
    }

    private static IEnumerable<DiagnosticDescriptor> Descriptors() =>
        typeof(DiagnosticDescriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Id, StringComparer.Ordinal);

    private static string Page(string id) => File.ReadAllText(Path.Combine(RepoRoot, "docs", "diagnostics", id + ".md"));

    /// <summary>The first C# block after <paramref name="heading"/>, with the usings a docs reader assumes.</summary>
    private static string Snippet(string page, string heading)
    {
        var section = page[page.IndexOf(heading, StringComparison.Ordinal)..];
        var code = CSharpBlock().Match(section);
        Assert.True(code.Success, $"No C# example under '{heading}'.");
        return "using Microsoft.Extensions.DependencyInjection;\n" + code.Groups[1].Value;
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    /// <summary>The MSBuild properties an XML block under <paramref name="heading"/> sets, as the compiler hands them to analyzers.</summary>
    private static TestOptions BuildProperties(string page, string heading)
    {
        var section = page[page.IndexOf(heading, StringComparison.Ordinal)..];
        var code = CSharpBlock().Match(section);
        var xml = XmlBlock().Match(section[..(code.Success ? code.Index : section.Length)]);
        var properties = xml.Success
            ? System.Xml.Linq.XElement.Parse(xml.Groups[1].Value).Elements().Select(e => ("build_property." + e.Name.LocalName, e.Value)).ToArray()
            : [];
        return new TestOptions(properties);
    }

    [GeneratedRegex(@"```xml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex XmlBlock();

    /// <summary>The checkout this test assembly was built from: docs and release notes are read from the source tree.</summary>
    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "docs", "diagnostics"))
                && Directory.Exists(Path.Combine(directory.FullName, "src", "Impulse.Generators")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("No repository root above " + AppContext.BaseDirectory);
    }
}
