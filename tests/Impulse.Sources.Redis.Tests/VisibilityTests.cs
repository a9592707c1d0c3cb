using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class VisibilityTests(RedisServer redis) : VisibilityConformance
{
    protected override IConformanceQueues CreateQueues(TimeSpan? pollInterval = null) => TestQueues.Create(redis, pollInterval);
}
