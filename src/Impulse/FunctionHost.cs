using Impulse.Dispatch;
using Impulse.Hosting;
using Impulse.Runtime;

namespace Impulse;

/// <summary>
/// Runs an app: on AWS Lambda (when <c>AWS_LAMBDA_RUNTIME_API</c> is set) the Runtime API loop for the
/// function <c>_HANDLER</c> names; elsewhere the local commands. One binary serves both.
/// </summary>
public static class FunctionHost
{
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
