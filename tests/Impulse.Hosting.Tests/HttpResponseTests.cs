using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Http;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>How results become responses, as API Gateway maps them for payload format 2.0.</summary>
public sealed class HttpResponseTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Response_PlainObjectResult_Is200JsonOfResult()
    {
        using var response = await _host.Client.GetAsync("/items/1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"function":"get-item","pathParameters":{"id":"1"}}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_StringResult_BodyIsStringValue()
    {
        using var response = await _host.Client.GetAsync("/respond/string");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("hello \"world\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_ResponseShape_StatusHeadersCookiesAndBodyApplied()
    {
        using var response = await _host.Client.GetAsync("/respond/shape");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("yes", response.Headers.GetValues("x-custom").Single());
        Assert.Equal(["session=abc; Path=/", "theme=dark"], response.Headers.GetValues("Set-Cookie"));
        Assert.Equal("created", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_Base64Body_DecodedToBytes()
    {
        using var response = await _host.Client.GetAsync("/respond/binary");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0, 1, 2, 254, 255], await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Response_MultiValueHeaders_EachValueSent()
    {
        using var response = await _host.Client.GetAsync("/respond/multi");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(["one", "two"], response.Headers.GetValues("x-many"));
        Assert.Equal("multi", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Response_FunctionThrows_Is500WithGatewayMessageAndErrorLogged()
    {
        using var response = await _host.Client.GetAsync("/respond/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"message":"Internal Server Error"}""", await response.Content.ReadAsStringAsync());
        var requestId = response.Headers.GetValues("apigw-requestid").Single();
        var lines = _host.LogLines.Where(l => l.Contains(requestId, StringComparison.Ordinal)).ToList();
        Assert.Contains(lines, l => l.Contains("about to fail", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("the handler broke", StringComparison.Ordinal) && l.Contains("\"ERROR\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Response_HeadRequestOnAnyRoute_HasNoBody()
    {
        using var response = await _host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/files/x"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("""{"statusCode":"abc"}""")]
    [InlineData("""{"statusCode":99}""")]
    [InlineData("""{"statusCode":200,"body":"!!","isBase64Encoded":true}""")]
    [InlineData("not json")]
    public void Map_ResultApiGatewayCannotMap_IsNull(string result)
    {
        Assert.Null(HttpResponseMapper.Map(Encoding.UTF8.GetBytes(result)));
    }

    [Fact]
    public void Map_ResponseShapeWithFramingHeaders_DropsThem()
    {
        var mapped = HttpResponseMapper.Map("""{"statusCode":200,"headers":{"content-length":"999","x-a":1},"body":"ok"}"""u8.ToArray())!;

        Assert.Equal([new KeyValuePair<string, string>("x-a", "1")], mapped.Headers);
        Assert.Equal("ok"u8.ToArray(), mapped.Body.ToArray());
    }

    [Fact]
    public void Map_ObjectWithoutStatusCode_IsWholeResultAsBody()
    {
        var result = """{"status":"fine"}"""u8.ToArray();

        var mapped = HttpResponseMapper.Map(result)!;

        Assert.Equal(200, mapped.StatusCode);
        Assert.Equal(result, mapped.Body.ToArray());
    }

    [Fact]
    public void Map_ArrayResult_IsJsonBody()
    {
        var mapped = HttpResponseMapper.Map("[1,2]"u8.ToArray())!;

        Assert.Equal("[1,2]", Encoding.UTF8.GetString(mapped.Body.Span));
        Assert.Contains(new KeyValuePair<string, string>("content-type", "application/json"), mapped.Headers);
    }

    [Fact]
    public async Task Response_EventBodyOverLimitAfterBase64_Returns413()
    {
        // 5 MB of binary grows past 6 MB in base64, so the event, not the body, is over Lambda's limit.
        using var response = await _host.Client.PutAsync("/upload", new ByteArrayContent(new byte[5 * 1024 * 1024]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Request Entity Too Large", body.RootElement.GetProperty("message").GetString());
    }
}
