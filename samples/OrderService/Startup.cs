using Impulse;
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
    }
}
