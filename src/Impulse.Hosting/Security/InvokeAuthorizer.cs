namespace Impulse.Hosting.Security;

/// <summary>
/// Decides whether an authenticated caller may invoke a function, as Lambda evaluates its policies for callers:
/// the function's resource-based statements admit a principal named exactly, every principal of a named account, or
/// everyone (<c>*</c>); a key of the host's own account is admitted by its identity policy (the key's <c>Policy</c>),
/// and the account root by default. Service principals are never callers over HTTP: the host delivers their events
/// itself.
/// </summary>
internal sealed class InvokeAuthorizer(string hostAccount, string region)
{
    /// <returns>Null when <paramref name="key"/> may invoke; otherwise the refusal that says why not.</returns>
    public Refusal? Authorize(AccessKey key, string functionName, IReadOnlyList<InvokeStatement> statements, string action)
    {
        var caller = key.Principal;
        if (caller.Account == hostAccount && (caller.IsAccountRoot || key.Policy.Allows(functionName)))
            return null;
        if (statements.Any(s => s.GrantsInvoke && Matches(s.Principal, caller)))
            return null;

        var resource = $"arn:aws:lambda:{region}:{hostAccount}:function:{functionName}";
        var why = caller.Account == hostAccount
            ? $"because no identity-based policy allows the {action} action (give key {key.Id} a Policy of '{KeyPolicy.InvokeAll}' or one naming the function)"
            : $"because no resource-based policy allows the {action} action (declare [InvokePermission] for the caller or its account)";
        return new Refusal(Refusal.AccessDenied, $"User: {caller.Arn} is not authorized to perform: {action} on resource: {resource} {why}");
    }

    private bool Matches(string principal, CallerPrincipal caller)
    {
        // Derived statements name the account the way CloudFormation does; locally that is the host's account.
        principal = principal.Replace("${AWS::AccountId}", hostAccount, StringComparison.Ordinal);
        if (principal == "*")
            return true;
        if (CallerPrincipal.IsAccountId(principal))
            return caller.Account == principal;
        if (principal.StartsWith("arn:", StringComparison.Ordinal))
        {
            if (principal.EndsWith(":root", StringComparison.Ordinal) && principal.Split(':') is { Length: 6 } parts)
                return caller.Account == parts[4];
            return principal == caller.Arn || principal == caller.RoleArn;
        }

        // A service principal such as s3.amazonaws.com.
        return false;
    }
}
