namespace Impulse.Hosting.Security;

/// <summary>
/// Who an access key acts for: an account (its root, written as the 12-digit id) or an IAM identity
/// (<c>arn:aws:iam::123456789012:user/alice</c>, a role, or an STS assumed-role session).
/// </summary>
/// <param name="Arn">The principal's ARN; an account is <c>arn:aws:iam::ACCOUNT:root</c>.</param>
/// <param name="Account">The 12-digit account the principal belongs to.</param>
internal sealed record CallerPrincipal(string Arn, string Account)
{
    /// <summary>Whether this is the account itself, which may do anything in its own account.</summary>
    public bool IsAccountRoot => Arn.EndsWith(":root", StringComparison.Ordinal);

    /// <summary>
    /// For an assumed-role session (<c>arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION</c>), the role's ARN, which is
    /// what a policy names to admit its sessions.
    /// </summary>
    public string? RoleArn
    {
        get
        {
            var parts = Arn.Split(':', 6);
            if (parts.Length != 6 || parts[2] != "sts" || !parts[5].StartsWith("assumed-role/", StringComparison.Ordinal))
                return null;
            var role = parts[5]["assumed-role/".Length..].Split('/')[0];
            return $"arn:{parts[1]}:iam::{parts[4]}:role/{role}";
        }
    }

    /// <summary>Reads an account id or an IAM or STS ARN.</summary>
    /// <exception cref="FormatException">The text is neither.</exception>
    public static CallerPrincipal Parse(string text)
    {
        if (IsAccountId(text))
            return new CallerPrincipal($"arn:aws:iam::{text}:root", text);
        var parts = text.Split(':', 6);
        if (parts.Length == 6 && parts[0] == "arn" && parts[1].Length > 0 && parts[2] is "iam" or "sts" && parts[3].Length == 0
            && IsAccountId(parts[4]) && parts[5].Length > 0)
            return new CallerPrincipal(text, parts[4]);
        throw new FormatException($"'{text}' is not a principal: write a 12-digit account id or an IAM ARN such as arn:aws:iam::123456789012:user/alice.");
    }

    public static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);
}
