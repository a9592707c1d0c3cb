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
        // Sends reach the local host's queues under `dotnet run`; on Lambda (no SQS sender yet) they are dropped
        // with a warning. See docs/local-host.md, "Sending to queues".
        services.AddSingleton<IQueueSender>(AmbientQueueSender.Instance);
    }
}
