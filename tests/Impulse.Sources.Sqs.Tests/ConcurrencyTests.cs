using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class ConcurrencyTests : ConcurrencyConformance
{
    // Every send and receive is an HTTP call to the endpoint.
    protected override int Messages => 400;

    // SQS's counts are approximate and may lag a change for a moment.
    protected override bool StatisticsLagChanges => true;

    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestEndpoint.Create();
}
