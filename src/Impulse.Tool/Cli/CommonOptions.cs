using System.Text.RegularExpressions;
using Impulse.Tool.Packaging;

namespace Impulse.Tool.Cli;

/// <summary>Options several commands share, and how they resolve against the environment.</summary>
internal static partial class CommonOptions
{
    /// <summary>The environment variable that names the registry folder when <c>--registry</c> is not given.</summary>
    public const string RegistryVariable = "IMPULSE_REGISTRY";

    /// <summary>The environment variable for the region in ARNs.</summary>
    public const string RegionVariable = "IMPULSE_REGION";

    /// <summary>The environment variable for the account id in ARNs.</summary>
    public const string AccountVariable = "IMPULSE_ACCOUNT";

    /// <summary>The registry folder's name inside the app's folder.</summary>
    public const string DefaultRegistryFolder = ".impulse";

    public static readonly OptionSpec Project = new("--project", "P", "The app's .csproj, or its folder (default: the current folder).");
    public static readonly OptionSpec Registry = new("--registry", "DIR", $"The registry folder (default: ${RegistryVariable}, else {DefaultRegistryFolder}/ in the app's folder).");
    public static readonly OptionSpec Region = new("--region", "R", $"The region in ARNs (default: ${RegionVariable}, else us-east-1).");
    public static readonly OptionSpec Account = new("--account", "A", $"The account id in ARNs (default: ${AccountVariable}, else 000000000000).");

    /// <summary>The options that locate the registry.</summary>
    public static readonly IReadOnlyList<OptionSpec> Location = [Project, Registry];

    /// <summary>The options that locate the registry and shape ARNs.</summary>
    public static readonly IReadOnlyList<OptionSpec> LocationAndArn = [Project, Registry, Region, Account];

    /// <summary>
    /// The registry folder: <c>--registry</c>, else <c>$IMPULSE_REGISTRY</c>, else <c>.impulse/</c> beside the
    /// app's project (which must then be found).
    /// </summary>
    public static string RegistryDirectory(ParsedArguments arguments, ToolConsole console)
    {
        var explicitDirectory = arguments.Option(Registry.Name) ?? NonEmpty(console.Environment(RegistryVariable));
        return explicitDirectory is not null
            ? console.FullPath(explicitDirectory)
            : Path.Combine(AppProject.Locate(arguments.Option(Project.Name), console).Directory, DefaultRegistryFolder);
    }

    /// <summary>The region and account to write into ARNs, checked against the forms AWS uses.</summary>
    public static FunctionArn Arn(ParsedArguments arguments, ToolConsole console)
    {
        var region = arguments.Option(Region.Name) ?? NonEmpty(console.Environment(RegionVariable)) ?? FunctionArn.DefaultRegion;
        var account = arguments.Option(Account.Name) ?? NonEmpty(console.Environment(AccountVariable)) ?? FunctionArn.DefaultAccount;
        if (!RegionPattern().IsMatch(region))
            throw new UsageException($"'{region}' is not an AWS region name (such as us-east-1).");
        if (account.Length != 12 || !account.All(char.IsAsciiDigit))
            throw new UsageException($"'{account}' is not an AWS account id (12 digits).");
        return new FunctionArn(region, account);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}

/// <summary>Builds Lambda ARNs for one region and account.</summary>
/// <param name="Region">The region: <c>us-east-1</c>.</param>
/// <param name="Account">The 12-digit account id.</param>
internal sealed record FunctionArn(string Region, string Account)
{
    public const string DefaultRegion = "us-east-1";
    public const string DefaultAccount = "000000000000";

    /// <summary><c>arn:aws:lambda:REGION:ACCOUNT:function:NAME:QUALIFIER</c>; no qualifier names the function itself.</summary>
    public string Of(string function, string? qualifier = null) =>
        $"arn:aws:lambda:{Region}:{Account}:function:{function}" + (qualifier is null ? "" : $":{qualifier}");
}
