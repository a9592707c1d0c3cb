using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the HTTP events (API Gateway REST and HTTP APIs, function URLs) by reading
// AWS's own samples with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class HttpEventTests
{
    [Fact]
    public void RestApiSample_Reads_RequestContextIdentityAndAuthorizer() =>
        SampleExpectations.RestApiRequest(Samples.Read<ApiGatewayProxyRequest>("apigw-request.json"));

    [Fact]
    public void HttpApiJwtSample_Reads_RouteAndClaims() =>
        SampleExpectations.HttpApiJwtRequest(Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-jwt-authorizer.json"));

    [Fact]
    public void HttpApiIamSample_Reads_IamIdentityWithCognito() =>
        SampleExpectations.HttpApiIamRequest(Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-iam.json"));

    [Fact]
    public void HttpApiNoAuthorizerSample_Reads_WithoutOptionalParts() =>
        SampleExpectations.HttpApiNoAuthorizerRequest(Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-no-authorizer.json"));

    [Fact]
    public void FunctionUrlSample_ReadsAsHttpApiRequest_WithIamAuthorizer() =>
        SampleExpectations.FunctionUrlRequest(Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("lambda-urls-request.json"));

    [Fact]
    public void RestApiResponse_Written_UsesAwsNames()
    {
        var response = new ApiGatewayProxyResponse
        {
            StatusCode = 201,
            Headers = new Dictionary<string, string> { ["Location"] = "/orders/7" },
            Body = "{}",
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(response, Samples.Strict));

        Assert.Equal(201, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("/orders/7", json.RootElement.GetProperty("headers").GetProperty("Location").GetString());
        Assert.Equal("{}", json.RootElement.GetProperty("body").GetString());
        Assert.False(json.RootElement.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("multiValueHeaders").ValueKind);
    }

    [Fact]
    public void HttpApiResponse_Default_IsStatus200()
    {
        var response = JsonSerializer.Deserialize<ApiGatewayHttpApiV2ProxyResponse>(
            """{"body":"ok","cookies":["a=1"],"headers":{"content-type":"text/plain"}}""", Samples.Strict)!;

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(["a=1"], response.Cookies!);
        Assert.Equal("text/plain", response.Headers!["content-type"]);
        Assert.Equal(200, new ApiGatewayProxyResponse().StatusCode);
    }
}
