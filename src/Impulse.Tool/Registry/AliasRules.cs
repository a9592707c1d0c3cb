using System.Globalization;
using System.Text.RegularExpressions;
using Impulse.Tool.Cli;

namespace Impulse.Tool.Registry;

/// <summary>Lambda's rules for aliases, checked before the registry is touched.</summary>
internal static partial class AliasRules
{
    /// <summary>The qualifier of the unpublished, changing version.</summary>
    public const string Latest = "$LATEST";

    /// <summary>Lambda's limit on an alias name's length.</summary>
    public const int MaxNameLength = 128;

    /// <summary>
    /// An alias name, per Lambda's pattern <c>(?!^[0-9]+$)([a-zA-Z0-9-_]+)</c>: letters, digits, '-' and '_',
    /// and not all digits, so it can never be mistaken for a version number.
    /// </summary>
    public static void CheckName(string alias)
    {
        if (alias.Length is 0 or > MaxNameLength)
            throw new UserErrorException($"Alias name '{alias}' must be 1 to {MaxNameLength} characters long.");
        if (!NamePattern().IsMatch(alias))
            throw new UserErrorException($"Alias name '{alias}' may hold only letters, digits, '-' and '_'.");
        if (alias.All(char.IsAsciiDigit))
            throw new UserErrorException($"Alias name '{alias}' is a number: a number names a version, so an alias needs a letter, '-' or '_'.");
    }

    /// <summary>A version qualifier an alias may point at: <c>$LATEST</c> or a positive number, returned in its canonical text.</summary>
    public static string ParseVersion(string text, string option)
    {
        if (text == Latest)
            return Latest;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number.ToString(CultureInfo.InvariantCulture)
            : throw new UsageException($"Option '{option}' is a version number or {Latest}, not '{text}'.");
    }

    /// <summary>
    /// A traffic split: the second version gets <paramref name="weight"/> of the invocations, strictly between
    /// 0 and 1; it must differ from the first, and Lambda allows no split on <c>$LATEST</c>.
    /// </summary>
    public static void CheckRouting(string alias, string version, int additionalVersion, double weight)
    {
        if (!(weight > 0 && weight < 1))
            throw new UserErrorException($"Weight {weight.ToString(CultureInfo.InvariantCulture)} for alias '{alias}' is out of range: it must be greater than 0 and less than 1.");
        if (version == Latest)
            throw new UserErrorException($"Alias '{alias}' points at {Latest}, which cannot split traffic with another version: point it at a published version.");
        if (version == additionalVersion.ToString(CultureInfo.InvariantCulture))
            throw new UserErrorException($"Alias '{alias}' cannot split traffic between version {version} and itself.");
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex NamePattern();
}
