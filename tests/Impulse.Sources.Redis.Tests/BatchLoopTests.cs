using System.Diagnostics;
using Impulse.Sources.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Impulse.Sources.Redis.Tests;

/// <summary>
/// The poller's loop against the server, send 10, receive 10, delete 10, from one and from several loops:
/// every message is delivered and deleted once. The rate is printed for reference; speed is judged by the
/// benchmarks, not here, where other work shares the machine.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class BatchLoopTests(RedisServer redis, ITestOutputHelper output)
{
    private const int Batches = 1000;

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Loop_InBatchesOfTen_DeliversAndDeletesEveryMessage(int loops)
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
