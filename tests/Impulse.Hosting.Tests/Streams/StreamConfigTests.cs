using System.Text;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using Impulse.Sources.Redis.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Streams;

/// <summary>Configuration picks the streams' provider; Redis runs against the server <c>IMPULSE_REDIS</c> names, or one it starts.</summary>
public sealed class StreamConfigTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public async Task RedisProvider_StreamTriggerConsumesRecordsFromRedisAndResumesAfterARestart()
    {
        var prefix = RedisServer.NewPrefix();
        var configuration = Configuration(
            ("Impulse:Sources:Streams:Provider", "redis"),
            ("Impulse:Sources:Redis:Connection", redis.Endpoint),
            ("Impulse:Sources:Redis:Prefix", prefix));
        var key = Guid.NewGuid().ToString("N");
        string[] first = [$"{key}:1", $"{key}:2", $"{key}:3"];
        try
        {
            var host = await TestHost.StartAsync(o => o.Configuration = configuration);
            try
            {
                Assert.Equal("Impulse.Sources.Redis", host.Handle.GetStream("counted").GetType().Assembly.GetName().Name);
                foreach (var data in first)
                    await host.Handle.StreamSender.PutRecordAsync("counted", key, Encoding.UTF8.GetBytes(data));
                await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 3, "the records put on Redis");
            }
            finally
            {
                await host.StopAsync();
            }

            // A second host on the same server reads from the checkpoint Redis kept.
            await using var restarted = await TestHost.StartAsync(o => o.Configuration = configuration);
            await restarted.Handle.StreamSender.PutRecordAsync("counted", key, Encoding.UTF8.GetBytes($"{key}:4"));

            await Eventually.TrueAsync(() => StreamFunctions.Seen.Of(key).Count >= 4, "the record put after the restart");
            await Task.Delay(300);
            Assert.Equal([.. first, $"{key}:4"], StreamFunctions.Seen.Of(key));
            Assert.All(StreamFunctions.Seen.Of(key), d => Assert.Equal(1, Calls.Count(d)));
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task UnknownProvider_HostDoesNotStartAndSaysWhichProvidersServeStreams()
    {
        var error = await Assert.ThrowsAsync<LocalHostStartException>(() =>
            TestHost.StartAsync(o => o.Configuration = Configuration(("Impulse:Sources:Streams:Provider", "kafka"))));

        Assert.Contains("Impulse:Sources:Streams:Provider is 'kafka'; the local host serves streams on 'embedded' or 'redis'.", error.Message, StringComparison.Ordinal);
    }
}
