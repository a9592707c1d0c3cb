using System.Diagnostics.CodeAnalysis;
using Impulse.Commands;
using Impulse.Dispatch;
using Impulse.Runtime;

namespace Impulse;

/// <summary>
/// Runs an app: on AWS Lambda (when <c>AWS_LAMBDA_RUNTIME_API</c> is set) the Runtime API loop for the
/// function <c>_HANDLER</c> names; elsewhere the local commands, or the local host when the app has one.
/// One binary serves both.
/// </summary>
public static class FunctionHost
{
    private const string LocalHostSwitch = "Impulse.LocalHost.IsSupported";

    /// <summary>
    /// Whether this binary may start the local host. Publishing with <c>-p:ImpulseLocalHost=false</c> makes it
    /// a build-time constant false, so native AOT drops the local host (web server, pollers, embedded queue)
    /// from the binary deployed to Lambda.
    /// </summary>
    [FeatureSwitchDefinition(LocalHostSwitch)]
    public static bool IsLocalHostSupported => !AppContext.TryGetSwitch(LocalHostSwitch, out var supported) || supported;

    /// <summary>
    /// Whether this start should run the local host: not on Lambda, and asked to serve (no command, or <c>serve</c>).
    /// </summary>
    public static bool ShouldRunLocalHost(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return IsLocalHostSupported && LambdaEnvironment.Read() is null && (args.Length == 0 || args[0] == "serve");
    }

    /// <summary>Runs <paramref name="app"/> and returns the process exit code.</summary>
    public static Task<int> RunAsync(string[] args, FunctionApplication app)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(app);
        var lambda = LambdaEnvironment.Read();
        if (lambda is not null)
            return LambdaRuntime.RunFromEnvironmentAsync(app, lambda);
        return new LocalCommands(app, Console.Out, Console.Error, Console.OpenStandardInput(), TimeProvider.System).RunAsync(args);
    }
}
