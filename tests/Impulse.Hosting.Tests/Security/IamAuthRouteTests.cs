using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using static Impulse.Hosting.Tests.Security.SecuredHost;

namespace Impulse.Hosting.Tests.Security;

/// <summary>
/// HTTP routes are public unless their trigger sets <c>IamAuth</c>; then callers sign for <c>execute-api</c> as for
/// API Gateway with IAM authorization, and are refused in API Gateway's error shape before the handler runs.
/// </summary>
public sealed class IamAuthRouteTests : IAsyncLifetime
{
    private SecuredHost _host = null!;

    public async Task InitializeAsync() => _host = await SecuredHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static HttpRequestMessage Post(string path) => new(HttpMethod.Post, path) { Content = new StringContent("""{"hello":"world"}""", Encoding.UTF8, "application/json") };

    [Fact]
    public async Task IamRoute_SignedForExecuteApiByAllowedPrincipal_RunsHandler()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/secure/{probe}"), Alice with { Service = "execute-api" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("secure call 1", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task IamRoute_Unsigned_Refused403InGatewayShape_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/secure/{probe}"), key: null);

        await AssertGatewayRefusedAsync(response, "MissingAuthenticationTokenException", "Missing Authentication Token");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task IamRoute_SignedForLambdaService_Refused403InvalidSignature()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/secure/{probe}"), Alice);

        await AssertGatewayRefusedAsync(response, "InvalidSignatureException", "Credential should be scoped to correct service: 'execute-api'");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task IamRoute_BodyTampered_Refused403InvalidSignature()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/secure/{probe}"), Alice with { Service = "execute-api" },
            r => r.Content = new StringContent("""{"hello":"mallory"}""", Encoding.UTF8, "application/json"));

        await AssertGatewayRefusedAsync(response, "InvalidSignatureException", "x-amz-content-sha256");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task IamRoute_SignedByPrincipalNotAllowed_Refused403AccessDenied()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/secure/{probe}"), Bob with { Service = "execute-api" });

        await AssertGatewayRefusedAsync(response, "AccessDeniedException", "user/bob is not authorized to perform: execute-api:Invoke");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task PublicRoute_Unsigned_RunsHandler()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Post($"/public/{probe}"), key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
    }

    private static async Task AssertGatewayRefusedAsync(HttpResponseMessage response, string errorType, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"Expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var json = JsonDocument.Parse(body);
        // API Gateway's shape: a message and nothing else.
        Assert.Equal(["message"], json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Contains(message, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
