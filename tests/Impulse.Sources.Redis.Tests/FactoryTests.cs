using System.Net;
using System.Net.Sockets;
using Impulse.Sources.Redis.Tests.Infrastructure;

namespace Impulse.Sources.Redis.Tests;

[Collection(RedisCollection.Name)]
public sealed class FactoryTests(RedisServer redis)
{
    [Fact]
    public async Task Registry_serves_a_queue_configured_for_redis_with_its_connection_and_prefix_settings()
    {
        var prefix = RedisServer.NewPrefix();
        var options = new PullSourceOptions();
        options.Queues["orders"] = new QueueSourceOptions { Provider = "Redis" };
        options.Queues["orders"].Settings["Connection"] = redis.Endpoint;
        options.Queues["orders"].Settings["PREFIX"] = prefix;
        // The defaults point at a port where nothing listens: only the settings can make this work.
        await using var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = $"127.0.0.1:{ClosedPort()},connectTimeout=500", Prefix = "unused" });
        try
        {
            await using var registry = new QueueSourceRegistry([factory], options);

            var queue = registry.GetQueue("orders");
            await queue.SendAsync("via registry");

            Assert.Same(queue, registry.GetQueue("orders"));
            Assert.Equal("orders", queue.Name);
            Assert.Equal(1, await redis.Admin.GetDatabase().StreamLengthAsync($"{prefix}:orders"));
            Assert.Equal(["via registry"], (await queue.ReceiveNow()).Bodies());
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task Settings_given_by_hand_are_matched_ignoring_case()
    {
        var prefix = RedisServer.NewPrefix();
        await using var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = $"127.0.0.1:{ClosedPort()},connectTimeout=500" });
        try
        {
            var settings = new Dictionary<string, string>(StringComparer.Ordinal) { ["CONNECTION"] = redis.Endpoint, ["Prefix"] = prefix };
            await using var queue = factory.Create(new QueueDefinition("orders", null, settings));

            await queue.SendAsync("x");

            Assert.Equal("redis", factory.Provider);
            Assert.Equal(1, await redis.Admin.GetDatabase().StreamLengthAsync($"{prefix}:orders"));
        }
        finally
        {
            await redis.DeleteKeysAsync(prefix);
        }
    }

    [Fact]
    public async Task Unreachable_server_is_an_invalid_operation_that_names_the_queue_but_not_the_password()
    {
        await using var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = $"127.0.0.1:{ClosedPort()},password=hunter2,connectTimeout=500" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("orders", null, new Dictionary<string, string>())));

        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has:colon")]
    [InlineData("{tagged}")]
    [InlineData("with space")]
    [InlineData("")]
    public async Task Queue_names_outside_the_sqs_alphabet_are_rejected(string name)
    {
        await using var test = TestQueues.Create(redis);

        Assert.Throws<ArgumentException>(() => test.Queue(name));
    }

    [Fact]
    public async Task Queue_names_with_dots_dashes_and_underscores_are_accepted()
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue("Orders_v2-eu.fifo");

        await queue.SendAsync("x");

        Assert.Equal(["x"], (await queue.ReceiveNow()).Bodies());
    }

    private static int ClosedPort()
    {
        // A port that was free a moment ago and that nothing listens on now.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
