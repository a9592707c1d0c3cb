using System.Net;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>Stopping the host: no new requests, in-flight invocations finish.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stop_InvocationInFlight_CompletesBeforeStopReturns()
    {
        var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        var call = host.InvokeAsync("latched", $$"""{"key":"{{key}}"}""");
        await Latches.Get(key).Started;

        var stop = host.Handle.StopAsync();
        await Task.Delay(200);
        Assert.False(stop.IsCompleted, "the host stopped before its in-flight invocation finished");
        Latches.Get(key).Release();
        using var response = await call;
        await stop;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"released\"", await response.Content.ReadAsStringAsync());
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Stop_HttpRequestInFlight_CompletesWithItsResponse()
    {
        var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString();
        var call = host.Client.GetAsync($"/latched/{key}");
        await Latches.Get(key).Started;

        var stop = host.Handle.StopAsync();
        Latches.Get(key).Release();
        using var response = await call;
        await stop;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Stop_AfterStopping_RefusesNewConnections()
    {
        var host = await TestHost.StartAsync();
        var address = host.Handle.Address;
        await host.Handle.StopAsync();

        using var client = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/items/1"));
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Stop_CalledTwice_ReturnsSameStop()
    {
        await using var host = await TestHost.StartAsync();

        var first = host.Handle.StopAsync();
        var second = host.Handle.StopAsync();

        Assert.Same(first, second);
        await first;
    }

    [Fact]
    public async Task WaitForShutdown_AfterStop_Completes()
    {
        await using var host = await TestHost.StartAsync();
        var waiting = host.Handle.WaitForShutdownAsync();
        Assert.False(waiting.IsCompleted);

        await host.Handle.StopAsync();

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
