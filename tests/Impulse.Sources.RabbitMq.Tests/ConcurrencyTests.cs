using Impulse.Sources.RabbitMq.Tests.Infrastructure;

namespace Impulse.Sources.RabbitMq.Tests;

public sealed class ConcurrencyTests : ConcurrencyConformance
{
    protected override int Messages => 1000;

    // The broker applies acks asynchronously, so the final counts may lag the last delete for a moment.
    protected override bool StatisticsLagChanges => true;

    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestBroker.Create();
}
