using Impulse.Hosting.Sending;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using Impulse.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Impulse.Hosting.Tests.Polling;

public sealed class QueueSenderTests
{
    // The test app has no startup: the forwarder's IQueueSender is the one the host registers.
    [Fact]
    public async Task FunctionSendsThroughQueueSender_MessageReachesThePullTriggerOfThatQueue()
    {
        await using var host = await TestHost.StartAsync();
        var key = Guid.NewGuid().ToString("N");

        using var response = await host.InvokeAsync("forwarder", $$"""{"key":"{{key}}"}""");

        response.EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Calls.Count(key) == 1, "the forwarded message to be consumed");
    }

    [Fact]
    public async Task TwoHostsInOneProcess_EachFunctionSendsToItsOwnHostsQueues()
    {
        await using var first = await TestHost.StartAsync(o => o.RunAsyncInvocations = false);
        await using var second = await TestHost.StartAsync(o => o.RunAsyncInvocations = false);
        var key = Guid.NewGuid().ToString("N");

        using var response = await first.InvokeAsync("forwarder", $$"""{"key":"{{key}}"}""");

        response.EnsureSuccessStatusCode();
        Assert.Equal(1, (await first.Handle.GetQueue("forwarded").GetStatisticsAsync()).ApproximateNumberOfMessages);
        Assert.Equal(0, (await second.Handle.GetQueue("forwarded").GetStatisticsAsync()).ApproximateNumberOfMessages);
    }

    [Fact]
    public void HostServices_AppRegisteredNoSender_HostAddsTheAmbientSender()
    {
        var services = new ServiceCollection();

        HostServiceRegistrations.Add(services);

        using var provider = services.BuildServiceProvider();
        Assert.Same(AmbientQueueSender.Instance, provider.GetRequiredService<IQueueSender>());
    }

    [Fact]
    public void HostServices_AppRegisteredItsOwnSender_AppsSenderIsKept()
    {
        var services = new ServiceCollection();
        var own = AmbientQueueSender.WithFallback(AmbientQueueSender.Instance);
        services.AddSingleton(own);

        HostServiceRegistrations.Add(services);

        using var provider = services.BuildServiceProvider();
        Assert.Same(own, provider.GetRequiredService<IQueueSender>());
        Assert.Single(services, d => d.ServiceType == typeof(IQueueSender));
    }
}
