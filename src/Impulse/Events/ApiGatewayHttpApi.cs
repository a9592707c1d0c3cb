using System.Collections.ObjectModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>
/// An Amazon API Gateway HTTP API request in payload format 2.0. Lambda function URLs send this same
/// schema (AWS documents it so), with <c>routeKey</c> and <c>stage</c> set to <c>$default</c> and no path
/// parameters, stage variables or JWT authorizer: a function URL handler takes this type too.
/// </summary>
public sealed record ApiGatewayHttpApiV2ProxyRequest
{
    /// <summary>The payload format version, always <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string Version { get; init; } = "";

    /// <summary>The route that matched, such as <c>GET /orders/{id}</c>, or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string RouteKey { get; init; } = "";

    /// <summary>The request path, not decoded.</summary>
    [JsonPropertyName("rawPath")]
    public string RawPath { get; init; } = "";

    /// <summary>The query string without the leading <c>?</c>, not decoded; empty when there is none.</summary>
    [JsonPropertyName("rawQueryString")]
    public string RawQueryString { get; init; } = "";

    /// <summary>The request's cookies, one <c>name=value</c> entry each; absent when there are none.</summary>
    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>The request headers, lower-cased by function URLs; repeated headers joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string> Headers { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The query string parameters, repeated ones joined with commas; absent when there are none.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>The values of the route's path parameters; absent when it has none.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    /// <summary>The stage variables of the stage; absent when it has none.</summary>
    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>Who called, through which API and stage, and what the authorizer said.</summary>
    [JsonPropertyName("requestContext")]
    public ApiGatewayHttpApiV2RequestContext RequestContext { get; init; } = new();

    /// <summary>The request body; base64 text when <see cref="IsBase64Encoded"/> is true; absent when there is none.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> is base64 text of a binary body.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}

/// <summary>The <c>requestContext</c> of an HTTP API (or function URL) request.</summary>
public sealed record ApiGatewayHttpApiV2RequestContext
{
    /// <summary>The AWS account id that owns the API or function.</summary>
    [JsonPropertyName("accountId")]
    public string AccountId { get; init; } = "";

    /// <summary>The API id, or the function URL id.</summary>
    [JsonPropertyName("apiId")]
    public string ApiId { get; init; } = "";

    /// <summary>The route that matched, or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; init; }

    /// <summary>The stage, or <c>$default</c>.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    /// <summary>The request id API Gateway or Lambda assigned.</summary>
    [JsonPropertyName("requestId")]
    public string RequestId { get; init; } = "";

    /// <summary>The full domain name the client called.</summary>
    [JsonPropertyName("domainName")]
    public string DomainName { get; init; } = "";

    /// <summary>The first label of the domain name the client called.</summary>
    [JsonPropertyName("domainPrefix")]
    public string DomainPrefix { get; init; } = "";

    /// <summary>The request time in CLF format, such as <c>12/Mar/2020:19:03:58 +0000</c>.</summary>
    [JsonPropertyName("time")]
    public string Time { get; init; } = "";

    /// <summary>The request time in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("timeEpoch")]
    public long TimeEpoch { get; init; }

    /// <summary>The HTTP method, path, protocol and caller of the request.</summary>
    [JsonPropertyName("http")]
    public ApiGatewayHttpApiV2HttpDescription Http { get; init; } = new();

    /// <summary>What the authorizer established about the caller; absent when the route has no authorizer.</summary>
    [JsonPropertyName("authorizer")]
    public ApiGatewayHttpApiV2Authorizer? Authorizer { get; init; }

    /// <summary>The mutual TLS authentication of the request; absent or null without mutual TLS.</summary>
    [JsonPropertyName("authentication")]
    public ApiGatewayHttpApiV2Authentication? Authentication { get; init; }
}

/// <summary>The <c>http</c> part of an HTTP API request context.</summary>
public sealed record ApiGatewayHttpApiV2HttpDescription
{
    /// <summary>The HTTP method, such as <c>GET</c>.</summary>
    [JsonPropertyName("method")]
    public string Method { get; init; } = "";

    /// <summary>The request path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>The request protocol, such as <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string Protocol { get; init; } = "";

    /// <summary>The IP address of the caller as AWS saw it.</summary>
    [JsonPropertyName("sourceIp")]
    public string SourceIp { get; init; } = "";

    /// <summary>The <c>User-Agent</c> header of the request.</summary>
    [JsonPropertyName("userAgent")]
    public string UserAgent { get; init; } = "";
}

/// <summary>The authorizer output of an HTTP API request: one of its properties is set, by authorizer kind.</summary>
public sealed record ApiGatewayHttpApiV2Authorizer
{
    /// <summary>The claims and scopes of a JWT authorizer.</summary>
    [JsonPropertyName("jwt")]
    public ApiGatewayHttpApiV2JwtAuthorizer? Jwt { get; init; }

    /// <summary>The caller's IAM identity, for IAM (SigV4) authorization; also what function URLs with <c>AWS_IAM</c> send.</summary>
    [JsonPropertyName("iam")]
    public ApiGatewayHttpApiV2IamAuthorizer? Iam { get; init; }

    /// <summary>The context a Lambda authorizer returned; free-form JSON values.</summary>
    [JsonPropertyName("lambda")]
    public IReadOnlyDictionary<string, JsonElement>? Lambda { get; init; }
}

/// <summary>What a JWT authorizer verified about the caller's token.</summary>
public sealed record ApiGatewayHttpApiV2JwtAuthorizer
{
    /// <summary>The token's claims; API Gateway sends every claim value as text.</summary>
    [JsonPropertyName("claims")]
    public IReadOnlyDictionary<string, string> Claims { get; init; } = ReadOnlyDictionary<string, string>.Empty;

    /// <summary>The token's scopes; null when it has none.</summary>
    [JsonPropertyName("scopes")]
    public IReadOnlyList<string>? Scopes { get; init; }
}

/// <summary>The IAM identity that signed an HTTP API or function URL request.</summary>
public sealed record ApiGatewayHttpApiV2IamAuthorizer
{
    /// <summary>The AWS access key that signed the request.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    /// <summary>The AWS account id of the caller.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>The principal id of the caller.</summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; init; }

    /// <summary>The caller's Amazon Cognito identity, when it signed with Cognito credentials.</summary>
    [JsonPropertyName("cognitoIdentity")]
    public ApiGatewayHttpApiV2CognitoIdentity? CognitoIdentity { get; init; }

    /// <summary>The AWS Organizations id of the caller's account.</summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; init; }

    /// <summary>The ARN of the IAM user or role that signed the request.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; init; }

    /// <summary>The IAM user or role id of the caller.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; init; }
}

/// <summary>The Amazon Cognito identity of an IAM-signed HTTP API request.</summary>
public sealed record ApiGatewayHttpApiV2CognitoIdentity
{
    /// <summary>The authentication methods references of the identity.</summary>
    [JsonPropertyName("amr")]
    public IReadOnlyList<string> Amr { get; init; } = [];

    /// <summary>The Cognito identity id.</summary>
    [JsonPropertyName("identityId")]
    public string IdentityId { get; init; } = "";

    /// <summary>The Cognito identity pool id.</summary>
    [JsonPropertyName("identityPoolId")]
    public string IdentityPoolId { get; init; } = "";
}

/// <summary>The mutual TLS authentication of an HTTP API request.</summary>
public sealed record ApiGatewayHttpApiV2Authentication
{
    /// <summary>The client certificate API Gateway verified.</summary>
    [JsonPropertyName("clientCert")]
    public ApiGatewayClientCertificate? ClientCert { get; init; }
}

/// <summary>The response a function returns to an HTTP API (payload format 2.0) or a function URL.</summary>
public sealed record ApiGatewayHttpApiV2ProxyResponse
{
    /// <summary>The HTTP status code; 200 unless set.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; } = 200;

    /// <summary>Response headers; several values of one header joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Cookies to set, each a <c>Set-Cookie</c> header value.</summary>
    [JsonPropertyName("cookies")]
    public IReadOnlyList<string>? Cookies { get; init; }

    /// <summary>The response body; base64 text when <see cref="IsBase64Encoded"/> is true.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> is base64 text that AWS decodes to a binary body.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}
