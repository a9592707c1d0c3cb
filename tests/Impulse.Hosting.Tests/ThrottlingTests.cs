using System.Net;
using System.Text.Json;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>Reserved and host-wide concurrency: synchronous calls beyond them get 429, asynchronous ones wait.</summary>
public sealed class ThrottlingTests
{
    [Fact]
    public async Task Invoke_ReservedConcurrencyInUse_SecondCallGets429WithReason()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        var first = host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");
        await Latches.Get(key).Started;

        using var second = await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("TooManyRequestsException", second.Headers.GetValues("x-amzn-ErrorType").Single());
        using var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", error.RootElement.GetProperty("Reason").GetString());
        Assert.Equal("User", error.RootElement.GetProperty("Type").GetString());
        Latches.Get(key).Release();
        using var firstResponse = await first;
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.Equal(1, Calls.Count(key));
    }

    [Fact]
    public async Task Invoke_SlotFreedAfterCall_NextCallSucceeds()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        Latches.Get(key).Release();

        using var first = await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");
        using var second = await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task HttpRoute_ReservedConcurrencyInUse_SecondRequestGets429()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        var first = host.Client.GetAsync($"/latched/{key}");
        await Latches.Get(key).Started;

        using var second = await host.Client.GetAsync($"/latched/{key}");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("TooManyRequestsException", second.Headers.GetValues("x-amzn-ErrorType").Single());
        Latches.Get(key).Release();
        using var firstResponse = await first;
        Assert.Equal("released", await firstResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invoke_HostWideLimitInUse_OtherFunctionGets429WithAccountReason()
    {
        await using var host = await TestHost.StartAsync(o => o.MaxConcurrency = 1);
        var key = Guid.NewGuid().ToString();
        var first = host.InvokeAsync("latched-unreserved", $$"""{"key":"{{key}}"}""");
        await Latches.Get(key).Started;

        using var second = await host.InvokeAsync("greet", """{"name":"x"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        using var error = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal("ConcurrentInvocationLimitExceeded", error.RootElement.GetProperty("Reason").GetString());
        Latches.Get(key).Release();
        (await first).Dispose();
    }

    [Fact]
    public async Task EventInvocations_BeyondReservedConcurrency_WaitInQueueAndAllRun()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""", "Event");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await Latches.Get(key).Started;
        await Task.Delay(300);
        // One at a time: the others wait for the slot instead of failing.
        Assert.Equal(1, Calls.Count(key));
        Latches.Get(key).Release();
        await Eventually.TrueAsync(() => Calls.Count(key) == 3, "every queued event to run");
        Assert.Empty(await host.Handle.GetDeadLetterQueue("latched")!.ReceiveAsync(10, TimeSpan.FromSeconds(30), TimeSpan.Zero));
    }

    [Fact]
    public async Task Invoke_SynchronousCallWhileEventHoldsSlot_Gets429()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        using (await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""", "Event"))
            await Latches.Get(key).Started;

        using var sync = await host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, sync.StatusCode);
        Latches.Get(key).Release();
    }
}
