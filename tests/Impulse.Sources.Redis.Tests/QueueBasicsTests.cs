using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class QueueBasicsTests(RedisServer redis) : QueueBasicsConformance
{
    protected override bool MessageIdsAreGuids => true;

    // Sent timestamps come from the server's clock.
    protected override TimeSpan ClockTolerance => TimeSpan.FromSeconds(1);

    // A stream entry id with a malformed token, and an entry id without its sequence number.
    protected override IReadOnlyList<string> NearMissReceiptHandles => ["12-0.zz", "12.0123456789abcdef"];

    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestQueues.Create(redis, pollInterval);
}
