using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;

namespace Impulse.Dispatch;

/// <summary>Start-up checks generated code runs on the app's services.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ServiceChecks
{
    /// <summary>
    /// Fails when a type a function class needs is not registered, naming every missing one, so the
    /// process reports an initialisation error instead of failing its first invocation.
    /// </summary>
    public static void RequireRegistered(IServiceProvider provider, ReadOnlySpan<Type> required)
    {
        var isService = provider.GetService<IServiceProviderIsService>();
        if (isService is null)
            return;
        List<string>? missing = null;
        foreach (var type in required)
        {
            if (!isService.IsService(type))
                (missing ??= []).Add(type.FullName ?? type.Name);
        }
        if (missing is not null)
            throw new InvalidOperationException(
                $"Function classes need services that are not registered: {string.Join(", ", missing)}. Register them in the app's IFunctionsStartup.ConfigureServices.");
    }
}
