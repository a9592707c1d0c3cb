namespace Impulse;

/// <summary>
/// Grants <paramref name="principal"/> the right to invoke the function: a service principal such as
/// <c>s3.amazonaws.com</c>, an account id, or an IAM ARN. On a class it applies to all its functions.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class InvokePermissionAttribute(string principal) : Attribute
{
    /// <summary>Who may invoke.</summary>
    public string Principal { get; } = principal;

    /// <summary>For a service principal: the ARN of the resource that may invoke on its behalf.</summary>
    public string? SourceArn { get; set; }

    /// <summary>For a service principal: the account that must own the source resource.</summary>
    public string? SourceAccount { get; set; }
}
