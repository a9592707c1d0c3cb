using Impulse.Generators.Analyzers;

namespace Impulse.CodeFixes.Tests;

/// <summary>
/// The code fixes hold the Workspaces dependency so the generator does not (RS1038): a compiler that loads the
/// generator never needs Workspaces, and both agree on the Roslyn version they are built against.
/// </summary>
public sealed class AssemblyReferenceTests
{
    private static readonly Version Roslyn = new(4, 14, 0, 0);

    [Fact]
    public void Generator_DoesNotReferenceWorkspaces()
    {
        var references = typeof(SdkPermissionAnalyzer).Assembly.GetReferencedAssemblies();

        Assert.DoesNotContain(references, r => r.Name!.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal));
        Assert.Equal(Roslyn, Assert.Single(references, r => r.Name == "Microsoft.CodeAnalysis").Version);
    }

    [Fact]
    public void CodeFixes_ReferenceWorkspacesOfTheGeneratorsRoslyn()
    {
        var references = typeof(SdkPermissionCodeFix).Assembly.GetReferencedAssemblies();

        Assert.Equal(Roslyn, Assert.Single(references, r => r.Name == "Microsoft.CodeAnalysis.Workspaces").Version);
        Assert.Equal(Roslyn, Assert.Single(references, r => r.Name == "Microsoft.CodeAnalysis").Version);
    }
}
