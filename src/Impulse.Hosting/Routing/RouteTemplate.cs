namespace Impulse.Hosting.Routing;

/// <summary>What one segment of a route template matches.</summary>
/// <remarks>The order is the precedence: a literal beats a parameter, which beats a greedy parameter.</remarks>
internal enum SegmentKind
{
    Literal,
    Parameter,
    Greedy,
}

/// <summary>One segment of a route template: literal text, or the name of the parameter it captures.</summary>
internal readonly record struct RouteSegment(SegmentKind Kind, string Text);

/// <summary>
/// An HTTP push trigger's route, <c>"METHOD /path/{param}/{proxy+}"</c> as API Gateway HTTP APIs write route keys,
/// or <c>$default</c> for the catch-all route.
/// </summary>
internal sealed class RouteTemplate
{
    public const string Any = "ANY";
    public const string DefaultRouteKey = "$default";

    private RouteTemplate(string routeKey, string method, IReadOnlyList<RouteSegment> segments, string functionName)
    {
        RouteKey = routeKey;
        Method = method;
        Segments = segments;
        FunctionName = functionName;
    }

    /// <summary>The route key as the event carries it, such as <c>GET /orders/{id}</c>.</summary>
    public string RouteKey { get; }

    /// <summary>The upper-case method, or <see cref="Any"/>.</summary>
    public string Method { get; }

    public IReadOnlyList<RouteSegment> Segments { get; }

    /// <summary>The function the route invokes.</summary>
    public string FunctionName { get; }

    /// <summary>Whether callers must sign requests with Signature Version 4 (the trigger's <c>IamAuth</c>).</summary>
    public bool IamAuth { get; private init; }

    /// <summary>Whether this is the <c>$default</c> route, which matches what no other route does.</summary>
    public bool IsDefault => RouteKey == DefaultRouteKey;

    /// <summary>The path as written, for the start-up listing.</summary>
    public string Path => IsDefault ? "/*" : "/" + string.Join('/', Segments.Select(s => s.Kind switch
    {
        SegmentKind.Literal => s.Text,
        SegmentKind.Parameter => "{" + s.Text + "}",
        _ => "{" + s.Text + "+}",
    }));

    /// <summary>
    /// The route's shape without parameter names: two routes with the same method and shape can never be told apart.
    /// </summary>
    public string Shape => Method + " " + string.Join('/', Segments.Select(s => s.Kind switch
    {
        SegmentKind.Literal => s.Text,
        SegmentKind.Parameter => "{}",
        _ => "{+}",
    })) + (IsDefault ? DefaultRouteKey : "");

    /// <param name="expression">The trigger's expression, such as <c>GET /orders/{id}</c>.</param>
    /// <param name="functionName">The function the route invokes.</param>
    /// <param name="iamAuth">Whether the route requires Signature Version 4 signed requests.</param>
    /// <exception cref="FormatException">The expression is not a route key.</exception>
    public static RouteTemplate Parse(string expression, string functionName, bool iamAuth = false)
    {
        var trimmed = expression.Trim();
        if (trimmed == DefaultRouteKey)
            return new RouteTemplate(DefaultRouteKey, Any, [], functionName) { IamAuth = iamAuth };

        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
            throw Invalid(expression, functionName, "expected 'METHOD /path'");
        var method = trimmed[..space].ToUpperInvariant();
        var path = trimmed[(space + 1)..].Trim();
        if (!method.All(char.IsAsciiLetterUpper))
            throw Invalid(expression, functionName, $"'{trimmed[..space]}' is not an HTTP method");
        if (!path.StartsWith('/'))
            throw Invalid(expression, functionName, "the path must start with '/'");

        var segments = new List<RouteSegment>();
        var parts = path.Length == 1 ? [] : path[1..].TrimEnd('/').Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length == 0)
                throw Invalid(expression, functionName, "the path has an empty segment");
            if (part[0] != '{')
            {
                if (part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
                    throw Invalid(expression, functionName, $"segment '{part}' mixes text and a parameter");
                segments.Add(new RouteSegment(SegmentKind.Literal, part));
                continue;
            }

            if (part[^1] != '}' || part.Length < 3)
                throw Invalid(expression, functionName, $"segment '{part}' is not a parameter such as {{id}}");
            var name = part[1..^1];
            var greedy = name.EndsWith('+');
            if (greedy)
                name = name[..^1];
            if (name.Length == 0 || name.Contains('{', StringComparison.Ordinal) || name.Contains('}', StringComparison.Ordinal))
                throw Invalid(expression, functionName, $"segment '{part}' has no parameter name");
            if (greedy && i != parts.Length - 1)
                throw Invalid(expression, functionName, "a greedy parameter such as {proxy+} must be the last segment");
            if (segments.Exists(s => s.Kind != SegmentKind.Literal && s.Text == name))
                throw Invalid(expression, functionName, $"parameter '{name}' appears twice");
            segments.Add(new RouteSegment(greedy ? SegmentKind.Greedy : SegmentKind.Parameter, name));
        }

        var template = new RouteTemplate("", method, segments, functionName);
        return new RouteTemplate(method + " " + template.Path, method, segments, functionName) { IamAuth = iamAuth };
    }

    /// <summary>
    /// Matches decoded path segments; on success <paramref name="parameters"/> holds the captured values
    /// (a greedy parameter captures the rest of the path, slashes included).
    /// </summary>
    public bool TryMatch(IReadOnlyList<string> path, out Dictionary<string, string>? parameters)
    {
        parameters = null;
        if (IsDefault)
            return true;
        var greedy = Segments.Count > 0 && Segments[^1].Kind == SegmentKind.Greedy;
        if (greedy ? path.Count < Segments.Count : path.Count != Segments.Count)
            return false;

        for (var i = 0; i < Segments.Count; i++)
        {
            var segment = Segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Literal when !string.Equals(segment.Text, path[i], StringComparison.Ordinal):
                    return false;
                case SegmentKind.Parameter when path[i].Length == 0:
                    return false;
                case SegmentKind.Parameter:
                    (parameters ??= new(StringComparer.Ordinal))[segment.Text] = path[i];
                    break;
                case SegmentKind.Greedy:
                    var rest = string.Join('/', path.Skip(i));
                    if (rest.Length == 0)
                        return false;
                    (parameters ??= new(StringComparer.Ordinal))[segment.Text] = rest;
                    break;
            }
        }

        return true;
    }

    /// <summary>
    /// Orders routes most specific first, as API Gateway picks among routes that match one path: segment by segment
    /// a literal beats a parameter beats a greedy parameter; then a named method beats <c>ANY</c>; <c>$default</c> last.
    /// </summary>
    public static int CompareSpecificity(RouteTemplate a, RouteTemplate b)
    {
        if (a.IsDefault != b.IsDefault)
            return a.IsDefault ? 1 : -1;
        var count = Math.Max(a.Segments.Count, b.Segments.Count);
        for (var i = 0; i < count; i++)
        {
            // A greedy parameter stands for every segment after its own.
            var ka = KindAt(a, i);
            var kb = KindAt(b, i);
            if (ka != kb)
                return ka.CompareTo(kb);
        }

        var methodA = a.Method == Any ? 1 : 0;
        var methodB = b.Method == Any ? 1 : 0;
        return methodA.CompareTo(methodB);
    }

    public bool Accepts(string method) => Method == Any || Method == method;

    private static SegmentKind KindAt(RouteTemplate template, int index) =>
        index < template.Segments.Count ? template.Segments[index].Kind : SegmentKind.Greedy;

    private static FormatException Invalid(string expression, string functionName, string reason) =>
        new($"Function '{functionName}' has HTTP route '{expression}', which is not valid: {reason}.");
}
