using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using Impulse.Sources.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Config;

/// <summary>Runs against the Redis server <c>IMPULSE_REDIS</c> names, or a <c>redis-server</c> it starts.</summary>
public sealed class RedisQueueConfigTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Configuration_SelectsRedisForAQueue_PollerConsumesFromRedis()
    {
        var prefix = RedisServer.NewPrefix();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Impulse:Sources:Queues:on-redis:Provider"] = "redis",
            ["Impulse:Sources:Queues:on-redis:Settings:connection"] = redis.Endpoint,
            ["Impulse:Sources:Queues:on-redis:Settings:prefix"] = prefix,
        }).Build();
        await using var host = await TestHost.StartAsync(o => o.Configuration = configuration);
        var body = $"{Guid.NewGuid():N}:redis";

        var queue = host.Handle.GetQueue("on-redis");
        await queue.SendAsync(System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal("Impulse.Sources.Redis", queue.GetType().Assembly.GetName().Name);
        await Eventually.TrueAsync(() => Calls.Count(body) == 1, "the message sent to Redis to be consumed");
        Assert.Equal(0, (await queue.GetStatisticsAsync()).ApproximateNumberOfMessages);
    }
}
