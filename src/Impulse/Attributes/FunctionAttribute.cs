namespace Impulse;

/// <summary>
/// Marks a method as a function: a handler that the generator adds to the app's dispatch table
/// and deployment descriptor under <paramref name="name"/>.
/// </summary>
/// <param name="name">The function name: 1–64 letters, digits, hyphens or underscores, unique in the app.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute(string name) : Attribute
{
    /// <summary>The function name, as AWS Lambda and the Invoke API know it.</summary>
    public string Name { get; } = name;

    /// <summary>Memory available to the function, 128–10240 MB. Lambda's default is 128.</summary>
    public int MemoryMb { get; set; } = 128;

    /// <summary>How long one invocation may run, 1–900 seconds. Lambda's default is 3.</summary>
    public int TimeoutSeconds { get; set; } = 3;

    /// <summary>A description carried into the deployment descriptor.</summary>
    public string? Description { get; set; }

    /// <summary>
    /// Most concurrent invocations the function may run; beyond it synchronous calls are throttled (429)
    /// and asynchronous ones wait. 0, the default, means no limit of its own.
    /// </summary>
    public int ReservedConcurrency { get; set; }

    /// <summary>Environment variables of the function, each as <c>KEY=VALUE</c>.</summary>
    public string[]? Environment { get; set; }
}
