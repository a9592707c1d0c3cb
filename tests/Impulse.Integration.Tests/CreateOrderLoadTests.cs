using System.Text;
using System.Text.Json;
using Impulse.FakeRuntimeApi;
using Impulse.Integration.Infrastructure;

namespace Impulse.Integration.Tests;

/// <summary>The native binary serves a long run of invocations on the Runtime API, then leaves when told.</summary>
[Collection(PublishedSampleCollection.Name)]
public sealed class CreateOrderLoadTests(PublishedSample sample)
{
    private const int Invocations = 1_000;

    [Fact]
    public async Task Bootstrap_ThousandDistinctOrders_AnswersEachWithItsTotalThenExitsNonZeroWhenNextFails()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        var orders = Enumerable.Range(0, Invocations).Select(OrderEvents.Create).ToList();
        var requestIds = orders.Select(order => server.Enqueue(order.Body)).ToList();

        using var process = LambdaProcess.Start(sample.Binary, server.Address, "create-order");
        var outcomes = await OutcomeWaiter.WaitAllAsync(server, process, requestIds, TimeSpan.FromSeconds(90));

        for (var i = 0; i < Invocations; i++)
        {
            var outcome = outcomes[i];
            Assert.False(outcome.IsError, $"Invocation {i} failed ({outcome.ErrorType}): {Encoding.UTF8.GetString(outcome.Body)}");
            using var accepted = JsonDocument.Parse(outcome.Body);
            var root = accepted.RootElement;
            Assert.Equal(orders[i].CustomerId, root.GetProperty("customerId").GetString());
            Assert.Equal(orders[i].Total, root.GetProperty("total").GetDecimal());
            Assert.StartsWith("ord-", root.GetProperty("orderId").GetString(), StringComparison.Ordinal);
        }

        // With nothing left, /next answers 500, and the Runtime API contract says exit promptly.
        server.ExitWhenIdle = true;
        var exitCode = await process.WaitForExitAsync(TimeSpan.FromSeconds(5));
        Assert.NotEqual(0, exitCode);
    }
}
