using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class ConcurrencyTests : ConcurrencyConformance
{
    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestDatabase.Create(pollInterval);
}
