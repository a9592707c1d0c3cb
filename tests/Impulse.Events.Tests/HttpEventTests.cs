using System.Text.Json;
using Impulse.Events.Tests.Infrastructure;

namespace Impulse.Events.Tests;

// These tests pin the wire names of the HTTP events (API Gateway REST and HTTP APIs, function URLs) by reading
// AWS's own samples with reflection-based System.Text.Json; Impulse's generated readers get their own tests.
public sealed class HttpEventTests
{
    [Fact]
    public void RestApiSample_Reads_RequestContextIdentityAndAuthorizer()
    {
        var request = Samples.Read<ApiGatewayProxyRequest>("apigw-request.json");

        Assert.Equal("/{proxy+}", request.Resource);
        Assert.Equal("/hello/world", request.Path);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("application/json", request.Headers!["Content-Type"]);
        Assert.Equal(["54.240.196.186, 54.182.214.83"], request.MultiValueHeaders!["X-Forwarded-For"]);
        Assert.Equal("me", request.QueryStringParameters!["name"]);
        Assert.Equal(["me"], request.MultiValueQueryStringParameters!["name"]);
        Assert.Equal("hello/world", request.PathParameters!["proxy"]);
        Assert.Equal("stageVariableValue", request.StageVariables!["stageVariableName"]);
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", request.Body);
        Assert.False(request.IsBase64Encoded);

        var context = request.RequestContext;
        Assert.Equal("12345678912", context.AccountId);
        Assert.Equal("testStage", context.Stage);
        Assert.Equal("deef4878-7910-11e6-8f14-25afc3e9ae33", context.RequestId);
        Assert.Equal("gy415nuibc", context.ApiId);
        Assert.Equal(1589522469693, context.RequestTimeEpoch);
        Assert.Equal("192.168.196.186", context.Identity.SourceIp);
        Assert.Equal("theApiKeyId", context.Identity.ApiKeyId);
        Assert.Equal("www.example.com", context.Identity.ClientCert!.SubjectDn);
        Assert.Equal("Aug  5 09:36:04 2021 GMT", context.Identity.ClientCert.Validity.NotAfter);
        Assert.Equal("admin", context.Authorizer!["principalId"].GetString());
        Assert.Equal(1, context.Authorizer["clientId"].GetInt32());
    }

    [Fact]
    public void HttpApiJwtSample_Reads_RouteAndClaims()
    {
        var request = Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-jwt-authorizer.json");

        Assert.Equal("2.0", request.Version);
        Assert.Equal("$default", request.RouteKey);
        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal("parameter1=value1&parameter1=value2&parameter2=value", request.RawQueryString);
        Assert.Equal(["cookie1", "cookie2"], request.Cookies!);
        Assert.Equal("value1,value2", request.QueryStringParameters!["parameter1"]);
        Assert.Equal("GET", request.RequestContext.Http.Method);
        Assert.Equal("agent", request.RequestContext.Http.UserAgent);
        Assert.Equal(1583348638390, request.RequestContext.TimeEpoch);
        var jwt = request.RequestContext.Authorizer!.Jwt!;
        Assert.Equal("value1", jwt.Claims["claim1"]);
        Assert.Equal("value2", jwt.Claims["claim2"]);
        Assert.Equal(["scope1", "scope2"], jwt.Scopes!);
        Assert.Null(request.RequestContext.Authorizer.Iam);
        Assert.Equal("1", request.RequestContext.Authentication!.ClientCert!.SerialNumber);
    }

    [Fact]
    public void HttpApiIamSample_Reads_IamIdentityWithCognito()
    {
        var request = Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-iam.json");

        var iam = request.RequestContext.Authorizer!.Iam!;
        Assert.Equal("ARIA2ZJZYVUEREEIHAKY", iam.AccessKey);
        Assert.Equal("AwsOrgId", iam.PrincipalOrgId);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", iam.UserArn);
        Assert.Equal(["foo"], iam.CognitoIdentity!.Amr);
        Assert.Equal("us-east-1:4f291106-8703-466b-8f2b-3ecee1ca56ce", iam.CognitoIdentity.IdentityPoolId);
        Assert.Null(request.RequestContext.Authorizer.Jwt);
        Assert.Equal("value1", request.StageVariables!["stageVariable1"]);
    }

    [Fact]
    public void HttpApiNoAuthorizerSample_Reads_WithoutOptionalParts()
    {
        var request = Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("apigw-v2-request-no-authorizer.json");

        Assert.Equal("/", request.RawPath);
        Assert.Equal("", request.RawQueryString);
        Assert.Null(request.Cookies);
        Assert.Null(request.QueryStringParameters);
        Assert.Null(request.Body);
        Assert.Null(request.RequestContext.Authorizer);
        Assert.Equal("curl/7.58.0", request.Headers["user-agent"]);
        Assert.Equal("LV7fzho-PHcEJPw=", request.RequestContext.RequestId);
        Assert.Equal("1.2.3.4", request.RequestContext.Http.SourceIp);
    }

    [Fact]
    public void FunctionUrlSample_ReadsAsHttpApiRequest_WithIamAuthorizer()
    {
        var request = Samples.Read<ApiGatewayHttpApiV2ProxyRequest>("lambda-urls-request.json");

        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal("", request.RouteKey);
        Assert.Equal("Hello from client!", request.Body);
        Assert.Equal("value1,value2", request.Headers["header2"]);
        Assert.Equal("POST", request.RequestContext.Http.Method);
        Assert.Equal("<url-id>.lambda-url.us-west-2.on.aws", request.RequestContext.DomainName);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", request.RequestContext.Authorizer!.Iam!.UserArn);
        Assert.Null(request.RequestContext.Authorizer.Iam.CognitoIdentity);
        Assert.Null(request.PathParameters);
    }

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
