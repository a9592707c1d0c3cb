namespace Impulse.Hosting.Routing;

/// <summary>What the router decided for one request.</summary>
internal readonly record struct RouteResult(RouteTemplate? Route, IReadOnlyDictionary<string, string>? Parameters, IReadOnlyList<string>? AllowedMethods)
{
    /// <summary>Whether no route matches the path (404).</summary>
    public bool NotFound => Route is null && AllowedMethods is null;

    /// <summary>Whether routes match the path but none the method (405).</summary>
    public bool MethodNotAllowed => AllowedMethods is not null;
}

/// <summary>
/// Picks the route for a request among the app's HTTP push triggers. A handful of routes is the norm, so a linear
/// scan over routes sorted by specificity is enough; the first that matches path and method wins.
/// </summary>
internal sealed class HttpRouter
{
    private readonly RouteTemplate[] _routes;

    /// <exception cref="FormatException">A route is not valid.</exception>
    /// <exception cref="InvalidOperationException">Two routes cannot be told apart.</exception>
    public HttpRouter(IEnumerable<RouteTemplate> routes)
    {
        _routes = [.. routes];
        var seen = new Dictionary<string, RouteTemplate>(StringComparer.Ordinal);
        foreach (var route in _routes)
        {
            if (seen.TryGetValue(route.Shape, out var other))
            {
                throw new InvalidOperationException(
                    $"Routes '{other.RouteKey}' of function '{other.FunctionName}' and '{route.RouteKey}' of function '{route.FunctionName}' " +
                    "match the same requests; give one of them a different method or path.");
            }

            seen.Add(route.Shape, route);
        }

        // Unstable, but harmless: two routes of equal rank that match one path have the same shape, which the check above rejects.
        Array.Sort(_routes, RouteTemplate.CompareSpecificity);
    }

    /// <summary>The routes, most specific first.</summary>
    public IReadOnlyList<RouteTemplate> Routes => _routes;

    /// <param name="method">The request method, upper case.</param>
    /// <param name="rawPath">The request path as sent, percent-encoded.</param>
    public RouteResult Match(string method, string rawPath)
    {
        var segments = Split(rawPath);
        List<string>? allowed = null;
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, out var parameters))
                continue;
            if (route.Accepts(method))
                return new RouteResult(route, parameters, null);
            // The catch-all route accepts every method, so it can never add to a 405.
            allowed ??= [];
            if (!allowed.Contains(route.Method))
                allowed.Add(route.Method);
        }

        allowed?.Sort(StringComparer.Ordinal);
        return new RouteResult(null, null, allowed);
    }

    /// <summary>Splits a raw path into decoded segments; one trailing slash is ignored, as API Gateway ignores it.</summary>
    internal static string[] Split(string rawPath)
    {
        var path = rawPath.Length > 1 && rawPath.EndsWith('/') ? rawPath[..^1] : rawPath;
        if (path.Length <= 1)
            return [];
        var parts = path[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
            parts[i] = Uri.UnescapeDataString(parts[i]);
        return parts;
    }
}
