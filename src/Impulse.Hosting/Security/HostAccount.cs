using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Security;

/// <summary>
/// The account and region the host stands for: in the ARNs it reports, in the credential scope callers sign for, and
/// as the account whose keys count as the functions' own. <c>Impulse:AccountId</c> and <c>Impulse:Region</c> override
/// <see cref="LocalHostOptions.AccountId"/> and <see cref="LocalHostOptions.Region"/>.
/// </summary>
internal sealed record HostAccount(string AccountId, string Region)
{
    /// <exception cref="FormatException">The configured account id is not 12 digits.</exception>
    public static HostAccount Read(IConfiguration configuration, LocalHostOptions options)
    {
        var account = configuration["Impulse:AccountId"] is { Length: > 0 } configured ? configured : options.AccountId;
        if (!CallerPrincipal.IsAccountId(account))
            throw new FormatException($"Impulse:AccountId must be a 12-digit AWS account id, not '{account}'.");
        var region = configuration["Impulse:Region"] is { Length: > 0 } configuredRegion ? configuredRegion : options.Region;
        return new HostAccount(account, region);
    }
}
