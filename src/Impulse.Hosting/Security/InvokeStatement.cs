namespace Impulse.Hosting.Security;

/// <summary>
/// One statement of a function's resource-based policy, as the manifest's <c>permissions.invoke[]</c> lists it:
/// who may invoke it. Fields the host does not use (<c>sid</c>, <c>origin</c>) are left out.
/// </summary>
/// <param name="Principal">A service principal (<c>s3.amazonaws.com</c>), a 12-digit account id, an IAM ARN, or <c>*</c>.</param>
/// <param name="Action">The action granted; null when the manifest names none, which means <c>lambda:InvokeFunction</c>.</param>
/// <param name="SourceArn">For a service principal: the resource that may invoke on its behalf.</param>
/// <param name="SourceAccount">For a service principal: the account that must own the source.</param>
internal sealed record InvokeStatement(string Principal, string? Action, string? SourceArn, string? SourceAccount)
{
    /// <summary>Whether the statement grants invocation: <c>lambda:InvokeFunction</c>, <c>lambda:*</c>, <c>*</c> or no action named.</summary>
    public bool GrantsInvoke => Action is null or "lambda:InvokeFunction" or "lambda:*" or "*";
}
