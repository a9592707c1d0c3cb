using System.Text.Json;
using Impulse.Testing;

namespace Impulse.Generators.Tests.Json;

/// <summary>HTTP-triggered handlers that take their own type: the request body, or its parameters, is the event.</summary>
public sealed class HttpBindingTests : IClassFixture<HttpBindingTests.Fixture>
{
    private const string Source = """
        using Impulse;
        using Impulse.Events;
        [assembly: ImpulseJson(Naming = JsonNaming.CamelCase)]

        namespace Web;

        public sealed record Order(string CustomerId, int Quantity);
        public sealed record Lookup(string OrderId, string? Expand);

        public static class Functions
        {
            [Function("create")]
            [PushTrigger(PushSource.Http, "POST /orders")]
            public static Order Create(Order order) => order with { Quantity = order.Quantity * 2 };

            [Function("get")]
            [PushTrigger(PushSource.Http, "GET /orders/{orderId}")]
            public static Lookup Get(Lookup lookup) => lookup;

            [Function("text")]
            [PushTrigger(PushSource.Http, "POST /text")]
            public static string Text(string text) => "got " + text;

            [Function("raw")]
            [PushTrigger(PushSource.Http, "POST /raw")]
            public static string Raw(ApiGatewayHttpApiV2ProxyRequest request) => request.RawPath;
        }
        """;

    private readonly FunctionTestHost _host;

    public HttpBindingTests(Fixture fixture) => _host = fixture.Host;

    public sealed class Fixture : IDisposable
    {
        public FunctionTestHost Host { get; } = LoadedApp.Host(GeneratorRun.Of(Source).Output);
        public void Dispose() => Host.Dispose();
    }

    private static string Request(string method, string path, string? body = null, bool base64 = false, object? pathParameters = null, object? query = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["version"] = "2.0",
            ["routeKey"] = $"{method} {path}",
            ["rawPath"] = path,
            ["requestContext"] = new { http = new { method, path } },
            ["pathParameters"] = pathParameters,
            ["queryStringParameters"] = query,
            ["body"] = body is null ? null : base64 ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body)) : body,
            ["isBase64Encoded"] = base64,
        });

    [Fact]
    public async Task Request_WithJsonBody_BindsTheBodyToTheHandlersType()
    {
        var invocation = await _host.InvokeAsync("create", Request("POST", "/orders", """{"customerId":"c1","quantity":2}"""));

        Assert.Equal("""{"customerId":"c1","quantity":4}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Request_WithBase64Body_DecodesItFirst()
    {
        var invocation = await _host.InvokeAsync("create", Request("POST", "/orders", """{"customerId":"c2","quantity":1}""", base64: true));

        Assert.Equal("""{"customerId":"c2","quantity":2}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Request_WithoutBody_BindsPathAndQueryParameters()
    {
        var invocation = await _host.InvokeAsync("get", Request("GET", "/orders/o-9", pathParameters: new { orderId = "o-9" }, query: new { expand = "lines", orderId = "ignored" }));

        Assert.Equal("""{"orderId":"o-9","expand":"lines"}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Request_WhoseBodyDoesNotFit_IsAnswered400WithThePath()
    {
        var invocation = await _host.InvokeAsync("create", Request("POST", "/orders", """{"customerId":5}"""));

        Assert.True(invocation.Succeeded);
        using var response = JsonDocument.Parse(invocation.ResultJson!);
        Assert.Equal(400, response.RootElement.GetProperty("statusCode").GetInt32());
        using var body = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
        Assert.Equal("$.customerId", body.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task DirectInvoke_WithTheTypeItself_PassesThroughUnwrapped()
    {
        var invocation = await _host.InvokeAsync("create", """{"customerId":"c3","quantity":5}""");

        Assert.Equal("""{"customerId":"c3","quantity":10}""", invocation.ResultJson);
    }

    [Fact]
    public async Task DirectInvoke_WithBadPayload_IsAnEventReadErrorNotA400()
    {
        var invocation = await _host.InvokeAsync("create", """{"customerId":7}""");

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
    }

    [Fact]
    public async Task TextHandler_GetsTheBodyAsSent_OrAJsonStringWhenInvokedDirectly()
    {
        var http = await _host.InvokeAsync("text", Request("POST", "/text", "plain words"));
        var direct = await _host.InvokeAsync("text", "\"json string\"");

        Assert.Equal("\"got plain words\"", http.ResultJson);
        Assert.Equal("\"got json string\"", direct.ResultJson);
    }

    [Fact]
    public async Task HandlerTakingTheRequestEvent_GetsTheWholeRequest()
    {
        var invocation = await _host.InvokeAsync("raw", Request("POST", "/raw", "ignored"));

        Assert.Equal("\"/raw\"", invocation.ResultJson);
    }
}
