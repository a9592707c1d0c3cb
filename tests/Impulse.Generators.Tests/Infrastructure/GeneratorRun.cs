using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Tests;

/// <summary>
/// Runs the generator as the compiler does, twice, and checks the rules every generator test shares:
/// the output compiles with no errors, and a second run over the same input re-runs no step.
/// </summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorDriver driver, Compilation output, GeneratorDriverRunResult result)
    {
        Driver = driver;
        Output = output;
        Result = result;
    }

    /// <summary>The steps we name; Roslyn tracks its own internal steps too, whose reasons are its business.</summary>
    public static readonly string[] OurStepNames = typeof(TrackingNames)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToArray();

    public GeneratorDriver Driver { get; }
    public Compilation Output { get; }
    public GeneratorDriverRunResult Result { get; }

    /// <summary>The one generated file's text, or null when nothing was generated.</summary>
    public string? Source => SourceNamed("Impulse.Functions.g.cs");

    /// <summary>The generated JSON readers and writers, or null when the app needs none.</summary>
    public string? JsonSource => SourceNamed("Impulse.Json.g.cs");

    private string? SourceNamed(string hintName) =>
        Ours(Result).GeneratedSources.SingleOrDefault(s => s.HintName == hintName).SourceText?.ToString();

    /// <summary>Our generator's part of a run, without System.Text.Json's.</summary>
    public static GeneratorRunResult Ours(GeneratorDriverRunResult result) =>
        result.Results.Single(r => r.Generator.GetGeneratorType() == typeof(FunctionGenerator));

    public static GeneratorRun Of(params string[] sources) => Of(TestCompilation.Create(sources));

    public static GeneratorRun Of(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? TestCompilation.Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorErrors);
        Assert.True(generatorErrors.IsEmpty, TestCompilation.Describe(generatorErrors));
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "Generated code does not compile:\n" + TestCompilation.Describe(errors));

        var run = new GeneratorRun(driver, output, driver.GetRunResult());
        AssertSecondRunIsCached(driver, compilation);
        // Every manifest a test generates carries policies that must be valid IAM.
        if (run.Source is not null)
            Permissions.IamPolicyValidator.AssertManifestValid(Permissions.GeneratedManifest.Read(run.Source));
        return run;
    }

    /// <summary>Runs the same driver on a clone of the input: every tracked step must be cached or unchanged.</summary>
    private static void AssertSecondRunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var rerun = driver.RunGenerators(compilation.Clone()).GetRunResult();
        foreach (var (name, steps) in Ours(rerun).TrackedSteps.Where(s => OurStepNames.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"Step '{name}' re-ran ({output.Reason}) on an unchanged compilation.");
            }
        }
        foreach (var output in Ours(rerun).TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
            Assert.Equal(IncrementalStepRunReason.Cached, output.Reason);
    }

    /// <summary>The reasons each named step's outputs have after running the driver on an edited compilation.</summary>
    public static Dictionary<string, IncrementalStepRunReason[]> StepReasons(GeneratorDriver driver, Compilation edited)
    {
        var result = Ours(driver.RunGenerators(edited).GetRunResult());
        return result.TrackedSteps.Where(s => OurStepNames.Contains(s.Key)).ToDictionary(
            pair => pair.Key,
            pair => pair.Value.SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray());
    }
}
