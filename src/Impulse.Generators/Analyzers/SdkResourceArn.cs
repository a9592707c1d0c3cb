using System;
using System.Text;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// The narrowest resource ARN a call names: the map's template with each <c>{Property}</c> replaced by the
/// request's constant value, or by <c>*</c> when the value is not known at compile time.
/// </summary>
internal static class SdkResourceArn
{
    public static string Fill(string template, SdkRequestValues request)
    {
        var result = new StringBuilder(template.Length + 16);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }
            result.Append(template, i, open - i);
            var value = request.ConstantOf(template.Substring(open + 1, close - open - 1));
            // A value that is itself an ARN names the resource exactly, whatever the template around it.
            if (value is not null && value.StartsWith("arn:", StringComparison.Ordinal))
                return value;
            result.Append(value is null ? "*" : NameIn(value, aliasTemplate: template.Substring(0, open).EndsWith("alias/", StringComparison.Ordinal)));
            i = close + 1;
        }
        return result.ToString();
    }

    /// <summary>
    /// The part of a value that goes in an ARN: a queue URL's last segment is the queue's name; a parameter
    /// path loses its leading slash because the template has one. A KMS alias names itself in an alias ARN, but
    /// in a key ARN it becomes <c>*</c>, since IAM checks the key's own ARN, not the alias it was called by.
    /// </summary>
    private static string NameIn(string value, bool aliasTemplate)
    {
        if (value.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            return value.Substring(value.TrimEnd('/').LastIndexOf('/') + 1).TrimEnd('/');
        if (value.StartsWith("alias/", StringComparison.Ordinal))
            return aliasTemplate ? value.Substring("alias/".Length) : "*";
        return value.TrimStart('/');
    }
}
