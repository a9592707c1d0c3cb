namespace Impulse;

/// <summary>
/// Grants the function an IAM action on resources, for what its own code does (an SDK call, say).
/// Permissions that triggers imply are derived and need not be declared. On a class it applies to all its functions.
/// </summary>
/// <param name="action">An IAM action, <c>service:Action</c>.</param>
/// <param name="resources">Resource ARNs the action applies to.</param>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class ExecutionPermissionAttribute(string action, params string[] resources) : Attribute
{
    /// <summary>The IAM action.</summary>
    public string Action { get; } = action;

    /// <summary>The resource ARNs.</summary>
    public string[] Resources { get; } = resources;

    /// <summary>An optional IAM condition block, as JSON.</summary>
    public string? Condition { get; set; }
}
