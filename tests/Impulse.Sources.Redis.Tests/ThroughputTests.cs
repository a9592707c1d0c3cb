using System.Diagnostics;
using Impulse.Sources.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Impulse.Sources.Redis.Tests;

/// <summary>Measures the poller's loop against the server: send 10, receive 10, delete 10, each one round trip.</summary>
[Collection(RedisCollection.Name)]
public sealed class ThroughputTests(RedisServer redis, ITestOutputHelper output)
{
    private const int Batches = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Send_receive_delete_loop_in_batches_of_ten(int loops)
    {
        await using var test = TestQueues.Create(redis);
        var queue = test.Queue();
        var batch = Enumerable.Range(0, 10).Select(i => OutgoingMessage.FromText($"{{\"order\":{i},\"item\":\"widget\"}}")).ToArray();
        await RunAsync(test.Queue("warm-up"), batch, 50); // JIT and the server's script cache.

        var clock = Stopwatch.StartNew();
        var deleted = await Task.WhenAll(Enumerable.Range(0, loops).Select(_ => Task.Run(() => RunAsync(queue, batch, Batches / loops))));
        clock.Stop();

        var perSecond = Batches * 10 / clock.Elapsed.TotalSeconds;
        output.WriteLine($"{loops} loop(s): {Batches * 10} messages sent, received and deleted in {clock.Elapsed.TotalMilliseconds:F0} ms: {perSecond:F0} msgs/s");
        // With several loops a receive may find another loop's batch already taken; what is left is drained here.
        var left = 0;
        while (await queue.ReceiveNow() is { Count: > 0 } rest)
        {
            left += await queue.DeleteAsync(rest.Handles());
        }

        Assert.Equal(Batches * 10, deleted.Sum() + left);
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
        // A floor far below what the loop does here, so only a broken batch path (a round trip per message) fails it.
        Assert.True(perSecond > 1000, $"{perSecond:F0} msgs/s");
    }

    private static async Task<int> RunAsync(IQueueSource queue, OutgoingMessage[] batch, int batches)
    {
        var deleted = 0;
        for (var i = 0; i < batches; i++)
        {
            await queue.SendBatchAsync(batch);
            var received = await queue.ReceiveAsync(10, QueueAssert.Long, TimeSpan.FromSeconds(5));
            deleted += await queue.DeleteAsync(received.Handles());
        }

        return deleted;
    }
}
