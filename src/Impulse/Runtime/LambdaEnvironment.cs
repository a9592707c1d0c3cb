namespace Impulse.Runtime;

/// <summary>The variables Lambda sets for a custom runtime, read once at start-up.</summary>
internal sealed record LambdaEnvironment(
    string RuntimeApi,
    string? Handler,
    string? FunctionName,
    string? FunctionVersion,
    int? MemorySizeMb)
{
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    public static LambdaEnvironment? Read()
    {
        var api = Environment.GetEnvironmentVariable(RuntimeApiVariable);
        if (string.IsNullOrWhiteSpace(api))
            return null;
        return new LambdaEnvironment(
            api.Trim(),
            Environment.GetEnvironmentVariable("_HANDLER"),
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME"),
            Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_VERSION"),
            int.TryParse(Environment.GetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), out var memory) ? memory : null);
    }
}
