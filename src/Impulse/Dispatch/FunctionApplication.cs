using Microsoft.Extensions.DependencyInjection;

namespace Impulse.Dispatch;

/// <summary>
/// The app as the generator sees it: its dispatch table, its descriptors and how its services are
/// built. The generator emits the one subclass an app has.
/// </summary>
public abstract class FunctionApplication
{
    /// <summary>Every function, ordered by name.</summary>
    public abstract IReadOnlyList<FunctionInvoker> Functions { get; }

    /// <summary>The function named <paramref name="name"/>, or null when the app has none.</summary>
    public abstract FunctionInvoker? Find(string name);

    /// <summary>The manifest: every function's descriptor and permissions, as UTF-8 JSON.</summary>
    public abstract ReadOnlySpan<byte> ManifestJson { get; }

    /// <summary>
    /// Builds the services function classes take in their constructors. Called once, before the first
    /// invocation; an exception here is an initialisation error.
    /// </summary>
    public virtual IServiceProvider CreateServices() => EmptyServiceProvider.Instance;

    /// <summary>
    /// Builds the services as <see cref="CreateServices()"/> does, then lets the host that runs the app add its own
    /// (the local host adds a queue sender): <paramref name="addHostServices"/> runs after the app's startup, and the
    /// host adds only what the app did not register itself. Apps that override only <see cref="CreateServices()"/>
    /// get no host services.
    /// </summary>
    public virtual IServiceProvider CreateServices(Action<IServiceCollection> addHostServices) => CreateServices();

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();
        public object? GetService(Type serviceType) => null;
    }
}
