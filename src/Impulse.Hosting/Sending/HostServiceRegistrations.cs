using Impulse.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Impulse.Hosting.Sending;

/// <summary>
/// The services the local host adds to an app's own, so functions can take them with no line in the app's startup.
/// Each is added only when the app registered none: an app's own registration (say, an SQS sender as fallback for
/// Lambda) wins.
/// </summary>
internal static class HostServiceRegistrations
{
    /// <summary>
    /// Adds <see cref="AmbientQueueSender"/> as the <see cref="IQueueSender"/>: it sends through the sender of the host
    /// running the invocation, so each host in a process reaches its own queues.
    /// </summary>
    public static void Add(IServiceCollection services) => services.TryAddSingleton<IQueueSender>(AmbientQueueSender.Instance);
}
