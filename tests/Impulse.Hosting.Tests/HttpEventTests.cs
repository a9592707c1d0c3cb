using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>The payload format 2.0 event a handler sees, read back from a function that returns its own event.</summary>
public sealed class HttpEventTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Event_AnyRequest_CarriesVersionRouteAndRawTarget()
    {
        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo/caf%C3%A9?b=2&a=x%20y"));

        Assert.Equal("2.0", e.GetProperty("version").GetString());
        Assert.Equal("GET /echo/{name}", e.GetProperty("routeKey").GetString());
        Assert.Equal("/echo/caf%C3%A9", e.GetProperty("rawPath").GetString());
        Assert.Equal("b=2&a=x%20y", e.GetProperty("rawQueryString").GetString());
        Assert.Equal("café", e.GetProperty("pathParameters").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Event_RepeatedQueryParameter_JoinedWithCommas()
    {
        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo/q?tag=a&tag=b&plus=1+2"));

        var query = e.GetProperty("queryStringParameters");
        Assert.Equal("a,b", query.GetProperty("tag").GetString());
        Assert.Equal("1 2", query.GetProperty("plus").GetString());
    }

    [Fact]
    public async Task Event_NoQuery_HasNoQueryParametersAndEmptyRawQuery()
    {
        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo/plain"));

        Assert.Equal("", e.GetProperty("rawQueryString").GetString());
        Assert.True(!e.TryGetProperty("queryStringParameters", out var q) || q.ValueKind == JsonValueKind.Null);
        Assert.True(!e.TryGetProperty("cookies", out var c) || c.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Event_Headers_LowerCasedAndRepeatedValuesJoined()
    {
        var response = await RawHttp.SendAsync(_host.Handle.Address, """
            GET /echo/h HTTP/1.1
            X-Custom-Header: one
            X-Custom-Header: two
            User-Agent: impulse-tests/1.0
            """);

        var headers = JsonDocument.Parse(RawHttp.BodyOf(response)).RootElement.GetProperty("headers");

        Assert.Equal("one,two", headers.GetProperty("x-custom-header").GetString());
        Assert.Equal("impulse-tests/1.0", headers.GetProperty("user-agent").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("x-forwarded-for").GetString());
        Assert.Equal("http", headers.GetProperty("x-forwarded-proto").GetString());
        Assert.All(headers.EnumerateObject(), h => Assert.Equal(h.Name.ToLowerInvariant(), h.Name));
    }

    [Fact]
    public async Task Event_Cookies_MovedOutOfHeadersIntoCookies()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/echo/c");
        request.Headers.TryAddWithoutValidation("Cookie", "a=1; b=2");

        var e = await EchoAsync(request);

        Assert.Equal(["a=1", "b=2"], e.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.False(e.GetProperty("headers").TryGetProperty("cookie", out _));
    }

    [Fact]
    public async Task Event_RequestContext_DescribesRequestAsApiGatewayDoes()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/echo/ctx") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.ParseAdd("ctx-agent/2");

        using var response = await _host.Client.SendAsync(request);
        var context = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("requestContext");

        Assert.Equal("000000000000", context.GetProperty("accountId").GetString());
        Assert.Equal("local", context.GetProperty("apiId").GetString());
        Assert.Equal("127.0.0.1", context.GetProperty("domainName").GetString());
        Assert.Equal("POST /echo/{name}", context.GetProperty("routeKey").GetString());
        Assert.Equal("$default", context.GetProperty("stage").GetString());
        Assert.Equal(response.Headers.GetValues("apigw-requestid").Single(), context.GetProperty("requestId").GetString());
        var http = context.GetProperty("http");
        Assert.Equal("POST", http.GetProperty("method").GetString());
        Assert.Equal("/echo/ctx", http.GetProperty("path").GetString());
        Assert.Equal("HTTP/1.1", http.GetProperty("protocol").GetString());
        Assert.Equal("127.0.0.1", http.GetProperty("sourceIp").GetString());
        Assert.Equal("ctx-agent/2", http.GetProperty("userAgent").GetString());
        var epoch = context.GetProperty("timeEpoch").GetInt64();
        Assert.InRange(epoch, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var expectedTime = DateTimeOffset.FromUnixTimeMilliseconds(epoch).ToString("dd/MMM/yyyy:HH:mm:ss +0000", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expectedTime, context.GetProperty("time").GetString());
    }

    [Fact]
    public async Task Event_TextBody_PassedAsText()
    {
        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/echo/t") { Content = new StringContent("""{"a":"é"}""", Encoding.UTF8, "application/json") });

        Assert.Equal("""{"a":"é"}""", e.GetProperty("body").GetString());
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task Event_BinaryBody_PassedInBase64()
    {
        byte[] bytes = [0, 1, 2, 200, 255];
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/echo/b") { Content = content });

        Assert.True(e.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(bytes, Convert.FromBase64String(e.GetProperty("body").GetString()!));
    }

    [Fact]
    public async Task Event_NoBody_HasNoBody()
    {
        var e = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo/empty"));

        Assert.True(!e.TryGetProperty("body", out var body) || body.ValueKind == JsonValueKind.Null);
        Assert.False(e.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task Event_LargeBinaryBody_ArrivesIntact()
    {
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);

        using var response = await _host.Client.PutAsync("/upload", new ByteArrayContent(bytes));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("300000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_BodyOverSixMegabytes_Returns413()
    {
        using var response = await _host.Client.PutAsync("/upload", new ByteArrayContent(new byte[6_291_457]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private async Task<JsonElement> EchoAsync(HttpRequestMessage request)
    {
        using var response = await _host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
