using System.ComponentModel;
using System.Text;

namespace Impulse.Serialization;

/// <summary>
/// A value in the event does not fit its type. Raised deep inside a generated reader; each enclosing
/// reader adds its property name or index on the way out, so the error names the full JSON path
/// without the readers tracking a path while they succeed.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonReadError(string message, Exception? inner = null) : Exception(message, inner)
{
    private readonly List<string> _segments = [];

    /// <summary>The path from the root, such as <c>$.Records[2].body</c>.</summary>
    public string Path
    {
        get
        {
            var path = new StringBuilder("$");
            for (var i = _segments.Count - 1; i >= 0; i--)
                path.Append(_segments[i]);
            return path.ToString();
        }
    }

    /// <summary>Adds the property that holds the failing value, outermost last.</summary>
    public JsonReadError InProperty(string name)
    {
        _segments.Add(IsPlainName(name) ? "." + name : "['" + name.Replace("'", "\\'") + "']");
        return this;
    }

    /// <summary>Adds the array index that holds the failing value.</summary>
    public JsonReadError AtIndex(int index)
    {
        _segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
        return this;
    }

    private static bool IsPlainName(string name)
    {
        if (name.Length == 0 || char.IsDigit(name[0]))
            return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$'))
                return false;
        }
        return true;
    }
}
