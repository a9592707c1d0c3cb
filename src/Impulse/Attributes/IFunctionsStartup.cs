using Microsoft.Extensions.DependencyInjection;

namespace Impulse;

/// <summary>
/// The one place an app configures its services. The generator finds the class that implements this
/// interface and calls it once at start-up, before the first invocation.
/// </summary>
public interface IFunctionsStartup
{
    /// <summary>Registers the services that function classes take in their constructors.</summary>
    static abstract void ConfigureServices(IServiceCollection services);
}
