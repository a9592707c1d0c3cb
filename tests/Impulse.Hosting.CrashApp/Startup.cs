using Microsoft.Extensions.DependencyInjection;

namespace Impulse.Hosting.CrashApp;

/// <summary>The app's one service: the ledger its environment names. A missing variable stops the host at start-up.</summary>
public sealed class Startup : IFunctionsStartup
{
    /// <inheritdoc/>
    public static void ConfigureServices(IServiceCollection services) => services.AddSingleton(Ledger.FromEnvironment());
}
