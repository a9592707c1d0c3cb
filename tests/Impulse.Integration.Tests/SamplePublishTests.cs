using System.Text.RegularExpressions;
using Impulse.Integration.Infrastructure;

namespace Impulse.Integration.Tests;

/// <summary>The sample publishes as native AOT exactly as CI publishes it, and cleanly.</summary>
[Collection(PublishedSampleCollection.Name)]
public sealed partial class SamplePublishTests(PublishedSample sample)
{
    [Fact]
    public void Publish_NativeAotForLinuxX64_SucceedsWithoutTrimOrAotWarnings()
    {
        var result = sample.Publish.Result;

        // TreatWarningsAsErrors turns any IL warning into a failed publish; the regex names it either way.
        Assert.True(result.ExitCode == 0, $"'{sample.Publish.Command}' exited with {result.ExitCode}:{Environment.NewLine}{result.Output}");
        var warnings = TrimOrAotWarning().Matches(result.Output).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(warnings.Count == 0, $"The publish reported {string.Join(", ", warnings)}:{Environment.NewLine}{result.Output}");
        Assert.True(new FileInfo(sample.Binary).Length > 0);
    }

    [GeneratedRegex(@"\b(IL[23]\d{3})\b")]
    private static partial Regex TrimOrAotWarning();
}
