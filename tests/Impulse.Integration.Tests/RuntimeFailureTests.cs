using System.Text;
using System.Text.Json;
using Impulse.FakeRuntimeApi;
using Impulse.Integration.Infrastructure;

namespace Impulse.Integration.Tests;

/// <summary>The native binary reports what goes wrong to the Runtime API, as Lambda expects.</summary>
[Collection(PublishedSampleCollection.Name)]
public sealed class RuntimeFailureTests(PublishedSample sample)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Bootstrap_UnknownHandler_PostsInitErrorAndExitsNonZero()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();

        using var process = LambdaProcess.Start(sample.Binary, server.Address, "no-such-function");
        var error = await server.WaitForInitErrorAsync(Timeout);
        var exitCode = await process.WaitForExitAsync(Timeout);

        Assert.Equal("Runtime.UnknownHandler", error.ErrorType);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.UnknownHandler", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("no-such-function", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(0, exitCode);
        Assert.DoesNotContain(server.Requests, r => r.Path.EndsWith("/invocation/next", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_TruncatedCreateOrderEvent_ReportsEventReadErrorAndServesTheNextInvocation()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        var good = OrderEvents.Create(7);
        string[] requestIds = [server.Enqueue("""{"customerId":"""u8.ToArray()), server.Enqueue(good.Body)];

        using var process = LambdaProcess.Start(sample.Binary, server.Address, "create-order");
        var outcomes = await OutcomeWaiter.WaitAllAsync(server, process, requestIds, Timeout);

        var bad = outcomes[0];
        Assert.True(bad.IsError, $"The truncated event was answered as a success: {Encoding.UTF8.GetString(bad.Body)}");
        Assert.Equal("Impulse.EventReadError", bad.ErrorType);
        using (var error = JsonDocument.Parse(bad.Body))
            Assert.Equal("Impulse.EventReadError", error.RootElement.GetProperty("errorType").GetString());

        var next = outcomes[1];
        Assert.False(next.IsError, $"The invocation after the bad one failed: {Encoding.UTF8.GetString(next.Body)}");
        using (var accepted = JsonDocument.Parse(next.Body))
        {
            Assert.Equal(good.CustomerId, accepted.RootElement.GetProperty("customerId").GetString());
            Assert.Equal(good.Total, accepted.RootElement.GetProperty("total").GetDecimal());
        }

        server.ExitWhenIdle = true;
        Assert.NotEqual(0, await process.WaitForExitAsync(Timeout));
    }
}
