using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class VisibilityTests : VisibilityConformance
{
    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestDatabase.Create(pollInterval);
}
