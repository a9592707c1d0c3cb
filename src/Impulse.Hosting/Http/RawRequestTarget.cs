using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Impulse.Hosting.Http;

/// <summary>
/// The path and query exactly as the client sent them. <see cref="HttpRequest.Path"/> is already decoded, and API
/// Gateway's <c>rawPath</c> and <c>rawQueryString</c> are not, so both come from the request line.
/// </summary>
internal readonly record struct RawRequestTarget(string Path, string Query)
{
    public static RawRequestTarget Of(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            // Absolute-form or missing request targets are rare; the decoded path, re-escaped, is close enough.
            var request = context.Request;
            return new RawRequestTarget((request.PathBase + request.Path).ToUriComponent() is { Length: > 0 } p ? p : "/", request.QueryString.HasValue ? request.QueryString.Value![1..] : "");
        }

        var question = raw.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? new RawRequestTarget(raw, "") : new RawRequestTarget(raw[..question], raw[(question + 1)..]);
    }

    /// <summary>
    /// The query's parameters, decoded, in the order they first appear; repeated names joined with commas as API Gateway
    /// joins them in <c>queryStringParameters</c>.
    /// </summary>
    public List<KeyValuePair<string, string>> QueryParameters()
    {
        var parameters = new List<KeyValuePair<string, string>>();
        if (Query.Length == 0)
            return parameters;
        foreach (var pair in Query.Split('&'))
        {
            if (pair.Length == 0)
                continue;
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            var index = parameters.FindIndex(p => p.Key == name);
            if (index < 0)
                parameters.Add(new(name, value));
            else
                parameters[index] = new(name, parameters[index].Value + "," + value);
        }

        return parameters;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
