using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class ConcurrencyTests(RedisServer redis) : ConcurrencyConformance
{
    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestQueues.Create(redis, pollInterval);
}
