namespace Impulse.Hosting.Security;

/// <summary>An access key the local host accepts, the principal it acts for and what it may invoke in the host's account.</summary>
/// <param name="Id">The access key id, such as <c>AKIAIOSFODNN7EXAMPLE</c>.</param>
/// <param name="Secret">The secret access key requests are signed with.</param>
/// <param name="Principal">Who the key acts for.</param>
/// <param name="Policy">What the key's identity policy allows it to invoke in the host's own account.</param>
/// <param name="SessionToken">The session token requests must carry in <c>X-Amz-Security-Token</c>; null for a long-term key, which must carry none.</param>
internal sealed record AccessKey(string Id, string Secret, CallerPrincipal Principal, KeyPolicy Policy, string? SessionToken);

/// <summary>
/// The local stand-in for an IAM identity policy: on AWS a principal of the function's own account needs one that
/// allows <c>lambda:InvokeFunction</c>, unless the function's resource policy names it.
/// </summary>
internal sealed class KeyPolicy
{
    /// <summary>The <c>Policy</c> value that allows every function.</summary>
    public const string InvokeAll = "invoke-all";

    private readonly HashSet<string>? _functions;

    private KeyPolicy(HashSet<string>? functions, bool all)
    {
        _functions = functions;
        AllowsAll = all;
    }

    /// <summary>A policy that allows nothing: only the functions' own invoke statements can admit the key.</summary>
    public static KeyPolicy None { get; } = new(null, false);

    /// <summary>A policy that allows every function of the host.</summary>
    public static KeyPolicy All { get; } = new(null, true);

    public bool AllowsAll { get; }

    public static KeyPolicy Of(IEnumerable<string> functions) => new(new HashSet<string>(functions, StringComparer.Ordinal), false);

    public bool Allows(string functionName) => AllowsAll || (_functions?.Contains(functionName) ?? false);
}
