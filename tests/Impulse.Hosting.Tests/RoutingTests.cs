using System.Net;
using System.Text.Json;
using Impulse.Hosting.Routing;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

public sealed class RoutingTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Request_ParameterRoute_InvokesFunctionWithPathParameter()
    {
        var hit = await GetJsonAsync("/items/42");

        Assert.Equal("get-item", hit.GetProperty("function").GetString());
        Assert.Equal("42", hit.GetProperty("pathParameters").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Request_EncodedParameter_ArrivesDecoded()
    {
        var hit = await GetJsonAsync("/items/a%20b");

        Assert.Equal("a b", hit.GetProperty("pathParameters").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Request_LiteralAndParameterRoutesMatch_LiteralWins()
    {
        var hit = await GetJsonAsync("/items/special");

        Assert.Equal("special-item", hit.GetProperty("function").GetString());
    }

    [Fact]
    public async Task Request_GreedyProxyRoute_CapturesRestOfPath()
    {
        var hit = await GetJsonAsync("/files/a/b/c.txt");

        Assert.Equal("files", hit.GetProperty("function").GetString());
        Assert.Equal("a/b/c.txt", hit.GetProperty("pathParameters").GetProperty("proxy").GetString());
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("POST")]
    public async Task Request_AnyMethodRoute_AcceptsEveryMethod(string method)
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/files/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_GreedyProxyWithNothingAfterIt_Returns404()
    {
        using var response = await _host.Client.GetAsync("/files");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Request_UnknownPath_Returns404WithGatewayMessage()
    {
        using var response = await _host.Client.GetAsync("/nowhere");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"message":"Not Found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_KnownPathWrongMethod_Returns405WithAllow()
    {
        using var response = await _host.Client.DeleteAsync("/items");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Request_PathWithSeveralRoutesWrongMethod_AllowListsEveryMethod()
    {
        using var response = await _host.Client.DeleteAsync("/echo/x");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Request_TrailingSlash_MatchesRouteWithout()
    {
        var hit = await GetJsonAsync("/items/7/");

        Assert.Equal("7", hit.GetProperty("pathParameters").GetProperty("id").GetString());
    }

    [Fact]
    public void Match_ParameterRouteWithWrongMethodAndLiteralRoute_FallsBackToRouteThatAcceptsMethod()
    {
        var router = new HttpRouter([RouteTemplate.Parse("GET /pets/{id}", "by-id"), RouteTemplate.Parse("POST /pets/dog", "dog")]);

        var match = router.Match("GET", "/pets/dog");

        Assert.Equal("by-id", match.Route!.FunctionName);
    }

    [Fact]
    public void Match_NamedMethodAndAnyOnSamePath_NamedMethodWins()
    {
        var router = new HttpRouter([RouteTemplate.Parse("ANY /pets", "any"), RouteTemplate.Parse("GET /pets", "get")]);

        Assert.Equal("get", router.Match("GET", "/pets").Route!.FunctionName);
        Assert.Equal("any", router.Match("PUT", "/pets").Route!.FunctionName);
    }

    [Fact]
    public void Match_DefaultRoute_CatchesWhatNoOtherRouteMatches()
    {
        var router = new HttpRouter([RouteTemplate.Parse("$default", "fallback"), RouteTemplate.Parse("GET /pets", "get")]);

        Assert.Equal("get", router.Match("GET", "/pets").Route!.FunctionName);
        Assert.Equal("fallback", router.Match("GET", "/other/path").Route!.FunctionName);
        Assert.Equal("fallback", router.Match("DELETE", "/pets").Route!.FunctionName);
    }

    [Fact]
    public void Match_ParameterBeforeLiteralInLaterSegment_EarlierLiteralWins()
    {
        var router = new HttpRouter([RouteTemplate.Parse("GET /{a}/b", "param-first"), RouteTemplate.Parse("GET /a/{b}", "literal-first")]);

        Assert.Equal("literal-first", router.Match("GET", "/a/b").Route!.FunctionName);
    }

    [Fact]
    public void HttpRouter_TwoRoutesWithSameShape_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HttpRouter([RouteTemplate.Parse("GET /a/{x}", "one"), RouteTemplate.Parse("GET /a/{y}", "two")]));

        Assert.Contains("'one'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'two'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-method")]
    [InlineData("GET no-slash")]
    [InlineData("GET /a/{proxy+}/b")]
    [InlineData("GET /a/{}")]
    [InlineData("GET /a/x{id}")]
    [InlineData("GET /a//b")]
    [InlineData("GET /{id}/{id}")]
    [InlineData("G3T /a")]
    public void RouteTemplate_InvalidExpression_ThrowsNamingFunction(string expression)
    {
        var error = Assert.Throws<FormatException>(() => RouteTemplate.Parse(expression, "fn"));

        Assert.Contains("'fn'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RouteTemplate_LowerCaseMethod_NormalisesRouteKey()
    {
        var route = RouteTemplate.Parse("get /a/{id}/{rest+}", "fn");

        Assert.Equal("GET /a/{id}/{rest+}", route.RouteKey);
    }

    [Fact]
    public void Banner_AtStart_ListsRoutesAndFunctions()
    {
        Assert.Contains(_host.Handle.Address.GetLeftPart(UriPartial.Authority), _host.Banner, StringComparison.Ordinal);
        Assert.Contains("GET     /items/{id}", _host.Banner, StringComparison.Ordinal);
        Assert.Contains("-> get-item", _host.Banner, StringComparison.Ordinal);
        Assert.Contains("/2015-03-31/functions/{name}/invocations", _host.Banner, StringComparison.Ordinal);
        Assert.Contains("always-fails", _host.Banner, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _host.Client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
