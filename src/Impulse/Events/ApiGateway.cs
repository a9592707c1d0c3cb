using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impulse.Events;

/// <summary>An Amazon API Gateway REST API (v1) Lambda proxy integration request.</summary>
public sealed record ApiGatewayProxyRequest
{
    /// <summary>The resource path template that matched, such as <c>/{proxy+}</c>.</summary>
    [JsonPropertyName("resource")]
    public string Resource { get; init; } = "";

    /// <summary>The request path.</summary>
    [JsonPropertyName("path")]
    public string Path { get; init; } = "";

    /// <summary>The HTTP method, such as <c>GET</c>.</summary>
    [JsonPropertyName("httpMethod")]
    public string HttpMethod { get; init; } = "";

    /// <summary>The request headers, the last value of each; null when the request had none.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The request headers with every value of each; null when the request had none.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders { get; init; }

    /// <summary>The query string parameters, the last value of each; null when there was no query string.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IReadOnlyDictionary<string, string>? QueryStringParameters { get; init; }

    /// <summary>The query string parameters with every value of each; null when there was no query string.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueQueryStringParameters { get; init; }

    /// <summary>The values of the path template's parameters; null when it has none.</summary>
    [JsonPropertyName("pathParameters")]
    public IReadOnlyDictionary<string, string>? PathParameters { get; init; }

    /// <summary>The stage variables of the deployment stage; null when it has none.</summary>
    [JsonPropertyName("stageVariables")]
    public IReadOnlyDictionary<string, string>? StageVariables { get; init; }

    /// <summary>Who called, through which API and stage, and what the authorizer said.</summary>
    [JsonPropertyName("requestContext")]
    public ApiGatewayProxyRequestContext RequestContext { get; init; } = new();

    /// <summary>The request body; base64 text when <see cref="IsBase64Encoded"/> is true; null when there is none.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> is base64 text of a binary body.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}

/// <summary>The <c>requestContext</c> of a REST API proxy request.</summary>
public sealed record ApiGatewayProxyRequestContext
{
    /// <summary>The AWS account id that owns the API.</summary>
    [JsonPropertyName("accountId")]
    public string AccountId { get; init; } = "";

    /// <summary>The id API Gateway gives the API.</summary>
    [JsonPropertyName("apiId")]
    public string ApiId { get; init; } = "";

    /// <summary>The id of the resource that matched.</summary>
    [JsonPropertyName("resourceId")]
    public string ResourceId { get; init; } = "";

    /// <summary>The resource path template that matched, such as <c>/{proxy+}</c>.</summary>
    [JsonPropertyName("resourcePath")]
    public string ResourcePath { get; init; } = "";

    /// <summary>The HTTP method, such as <c>GET</c>.</summary>
    [JsonPropertyName("httpMethod")]
    public string HttpMethod { get; init; } = "";

    /// <summary>The request path including the stage, as the client sent it.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>The deployment stage, such as <c>prod</c>.</summary>
    [JsonPropertyName("stage")]
    public string Stage { get; init; } = "";

    /// <summary>The request id API Gateway assigned.</summary>
    [JsonPropertyName("requestId")]
    public string RequestId { get; init; } = "";

    /// <summary>The extended request id API Gateway assigned, shown in its access logs.</summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; init; }

    /// <summary>The request protocol, such as <c>HTTP/1.1</c>.</summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; init; }

    /// <summary>The full domain name the client called.</summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; init; }

    /// <summary>The first label of the domain name the client called.</summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; init; }

    /// <summary>The request time in CLF format, such as <c>15/May/2020:06:01:09 +0000</c>.</summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; init; }

    /// <summary>The request time in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long RequestTimeEpoch { get; init; }

    /// <summary>The caller's identity as API Gateway knows it.</summary>
    [JsonPropertyName("identity")]
    public ApiGatewayRequestIdentity Identity { get; init; } = new();

    /// <summary>What the authorizer returned: a Lambda authorizer's <c>principalId</c> and context values, or Cognito's <c>claims</c>; free-form JSON.</summary>
    [JsonPropertyName("authorizer")]
    public IReadOnlyDictionary<string, JsonElement>? Authorizer { get; init; }
}

/// <summary>The caller's identity in a REST API proxy request; each field is null when it does not apply.</summary>
public sealed record ApiGatewayRequestIdentity
{
    /// <summary>The Amazon Cognito identity pool of the caller.</summary>
    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? CognitoIdentityPoolId { get; init; }

    /// <summary>The AWS account id of the caller, for IAM-signed requests.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; init; }

    /// <summary>The Amazon Cognito identity of the caller.</summary>
    [JsonPropertyName("cognitoIdentityId")]
    public string? CognitoIdentityId { get; init; }

    /// <summary>The principal of the caller, for IAM-signed requests.</summary>
    [JsonPropertyName("caller")]
    public string? Caller { get; init; }

    /// <summary>The API key the caller sent.</summary>
    [JsonPropertyName("apiKey")]
    public string? ApiKey { get; init; }

    /// <summary>The id of the API key the caller sent.</summary>
    [JsonPropertyName("apiKeyId")]
    public string? ApiKeyId { get; init; }

    /// <summary>The AWS access key that signed the request.</summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; init; }

    /// <summary>The IP address of the caller as API Gateway saw it.</summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; init; }

    /// <summary>The Amazon Cognito authentication type: <c>authenticated</c> or <c>unauthenticated</c>.</summary>
    [JsonPropertyName("cognitoAuthenticationType")]
    public string? CognitoAuthenticationType { get; init; }

    /// <summary>The Amazon Cognito authentication provider of the caller.</summary>
    [JsonPropertyName("cognitoAuthenticationProvider")]
    public string? CognitoAuthenticationProvider { get; init; }

    /// <summary>The ARN of the IAM user or role that signed the request.</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; init; }

    /// <summary>The <c>User-Agent</c> header of the request.</summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; init; }

    /// <summary>The principal id of the IAM user that signed the request.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>The client certificate of a mutual TLS request.</summary>
    [JsonPropertyName("clientCert")]
    public ApiGatewayClientCertificate? ClientCert { get; init; }
}

/// <summary>The client certificate API Gateway verified for a mutual TLS request (REST and HTTP APIs alike).</summary>
public sealed record ApiGatewayClientCertificate
{
    /// <summary>The certificate in PEM format.</summary>
    [JsonPropertyName("clientCertPem")]
    public string ClientCertPem { get; init; } = "";

    /// <summary>The distinguished name of the certificate's subject.</summary>
    [JsonPropertyName("subjectDN")]
    public string SubjectDn { get; init; } = "";

    /// <summary>The distinguished name of the certificate's issuer.</summary>
    [JsonPropertyName("issuerDN")]
    public string IssuerDn { get; init; } = "";

    /// <summary>The certificate's serial number.</summary>
    [JsonPropertyName("serialNumber")]
    public string SerialNumber { get; init; } = "";

    /// <summary>When the certificate is valid.</summary>
    [JsonPropertyName("validity")]
    public ApiGatewayCertificateValidity Validity { get; init; } = new();
}

/// <summary>The validity period of a client certificate, as OpenSSL prints dates (<c>Aug  5 09:36:04 2021 GMT</c>).</summary>
public sealed record ApiGatewayCertificateValidity
{
    /// <summary>The date before which the certificate is not valid.</summary>
    [JsonPropertyName("notBefore")]
    public string NotBefore { get; init; } = "";

    /// <summary>The date after which the certificate is not valid.</summary>
    [JsonPropertyName("notAfter")]
    public string NotAfter { get; init; } = "";
}

/// <summary>The response a function returns to a REST API (v1) Lambda proxy integration.</summary>
public sealed record ApiGatewayProxyResponse
{
    /// <summary>The HTTP status code; 200 unless set.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; init; } = 200;

    /// <summary>Response headers with one value each.</summary>
    [JsonPropertyName("headers")]
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Response headers with several values each; merged with <see cref="Headers"/>.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? MultiValueHeaders { get; init; }

    /// <summary>The response body; base64 text when <see cref="IsBase64Encoded"/> is true.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>Whether <see cref="Body"/> is base64 text that API Gateway decodes to a binary body.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; init; }
}
