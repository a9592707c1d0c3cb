using Impulse.Hosting.CrashTests.Infrastructure;
using Impulse.Sources;
using Impulse.Sources.Redis;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace Impulse.Hosting.CrashTests;

/// <summary>
/// The crash app with its queue on the Redis server <c>IMPULSE_REDIS</c> names (CI starts one with
/// tests/services/redis.sh), chosen by environment variables as a user would; the test sends to the same keys.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class RedisHostCrashTests(ITestOutputHelper output)
{
    private const int Seed = 20_251_126;

    [Fact]
    public async Task HostKilledWithBatchesInFlight_RedisQueue_EveryMessageSentIsHandledAtLeastOnce()
    {
        var endpoint = Environment.GetEnvironmentVariable("IMPULSE_REDIS");
        Assert.False(string.IsNullOrWhiteSpace(endpoint),
            "The Redis host crash test needs a Redis server: set IMPULSE_REDIS=host:port (tests/services/redis.sh start prints the line to export).");
        var prefix = $"impulse-crash:{Guid.NewGuid():N}";
        using var folder = new RunFolder();
        try
        {
            await using var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = endpoint!, Prefix = prefix });
            var queue = factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>()));
            var host = new Dictionary<string, string>
            {
                ["IMPULSE__SOURCES__QUEUES__ORDERS__PROVIDER"] = "redis",
                ["IMPULSE__SOURCES__QUEUES__ORDERS__SETTINGS__CONNECTION"] = endpoint!,
                ["IMPULSE__SOURCES__QUEUES__ORDERS__SETTINGS__PREFIX"] = prefix,
            };

            await new HostCrashRun(folder.Path, queue, host, output).RunAsync(Seed);
        }
        finally
        {
            await DeleteKeysAsync(endpoint!, prefix);
        }
    }

    /// <summary>Deletes the run's keys, so a server CI shares across runs stays clean.</summary>
    private static async Task DeleteKeysAsync(string endpoint, string prefix)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(endpoint);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var database = connection.GetDatabase();
        await foreach (var key in server.KeysAsync(pattern: prefix + ":*", pageSize: 1000))
            await database.KeyDeleteAsync(key);
    }
}
