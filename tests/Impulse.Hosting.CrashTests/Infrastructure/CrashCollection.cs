namespace Impulse.Hosting.CrashTests.Infrastructure;

/// <summary>The crash tests run one after another: each keeps the two cores busy, and kill timings mean more on a quiet machine.</summary>
[CollectionDefinition(Name)]
public sealed class CrashCollection
{
    public const string Name = "host crashes";
}
