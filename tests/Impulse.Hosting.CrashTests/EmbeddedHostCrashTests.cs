using Impulse.Hosting.CrashTests.Infrastructure;
using Impulse.Sources;
using Impulse.Sources.Embedded;
using Xunit.Abstractions;

namespace Impulse.Hosting.CrashTests;

/// <summary>The crash app on the embedded queue, its default: the test sends into the same database file from its own process.</summary>
[Collection(CrashCollection.Name)]
public sealed class EmbeddedHostCrashTests(ITestOutputHelper output)
{
    private const int Seed = 20_251_125;

    [Fact]
    public async Task HostKilledWithBatchesInFlight_EmbeddedQueue_EveryMessageSentIsHandledAtLeastOnce()
    {
        using var folder = new RunFolder();
        await using var factory = new EmbeddedQueueSourceFactory(new EmbeddedQueueOptions { DatabasePath = HostCrashRun.DatabasePathIn(folder.Path) });
        var queue = factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>()));

        await new HostCrashRun(folder.Path, queue, new Dictionary<string, string>(), output).RunAsync(Seed);
    }
}
