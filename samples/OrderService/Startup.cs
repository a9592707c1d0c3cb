using Impulse;
using Impulse.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace OrderService;

/// <summary>The app's services, configured in one place.</summary>
public sealed class Startup : IFunctionsStartup
{
    /// <inheritdoc/>
    public static void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IOrderStore, InMemoryOrderStore>();
        services.AddSingleton(TimeProvider.System);
        // Sends reach the local host's queues under `dotnet run`; on Lambda they are dropped with a warning
        // (AmbientQueueSender.WithFallback(new SqsQueueSender()) would send them to SQS, at about 8 MB of binary).
        // See docs/local-host.md, "Sending to queues".
        services.AddSingleton<IQueueSender>(AmbientQueueSender.Instance);
    }
}
