using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Impulse.Generators.Permissions;

/// <summary>
/// Statement ids: alphanumeric (what IAM accepts in a policy and Lambda in a permission), built from what
/// a statement grants rather than from its position, so adding a permission leaves the other ids alone.
/// </summary>
internal static class Sids
{
    // Short enough to read in a console; a collision after truncation still gets a distinct suffix.
    public const int MaxLength = 64;

    /// <summary>
    /// The words of <paramref name="parts"/> joined in Pascal case: <c>("s3", "my-uploads")</c> → <c>S3MyUploads</c>.
    /// Characters IAM does not allow in a Sid separate words; <c>*</c> reads as <c>All</c>.
    /// </summary>
    public static string Pascal(params string[] parts)
    {
        var sid = new StringBuilder();
        foreach (var part in parts)
        {
            var startOfWord = true;
            foreach (var c in part)
            {
                if (c == '*')
                {
                    sid.Append("All");
                    startOfWord = true;
                }
                else if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
                {
                    sid.Append(startOfWord ? char.ToUpperInvariant(c) : c);
                    startOfWord = false;
                }
                else
                {
                    startOfWord = true;
                }
            }
        }
        return sid.Length > MaxLength ? sid.ToString(0, MaxLength) : sid.ToString();
    }

    /// <summary>
    /// Makes ids unique in the order given: the first keeps its id, later ones with the same id get
    /// <c>2</c>, <c>3</c>… Callers sort by content first, so the same statements always get the same ids.
    /// </summary>
    public static List<string> MakeUnique(IReadOnlyList<string> sids)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        var unique = new List<string>(sids.Count);
        foreach (var sid in sids)
        {
            var candidate = sid.Length == 0 ? "Statement" : sid;
            for (var n = 2; !taken.Add(candidate); n++)
            {
                var suffix = n.ToString(CultureInfo.InvariantCulture);
                var stem = sid.Length + suffix.Length > MaxLength ? sid.Substring(0, MaxLength - suffix.Length) : sid;
                candidate = (stem.Length == 0 ? "Statement" : stem) + suffix;
            }
            unique.Add(candidate);
        }
        return unique;
    }
}
