using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;
using Impulse.Events;

namespace Impulse.Benchmarks.Json;

/// <summary>A partial batch failure response naming five SQS message ids.</summary>
[BenchmarkCategory("Write", "BatchItemFailures")]
public class BatchItemFailuresWrite : WriteBenchmarks<BatchItemFailuresResponse>
{
    /// <inheritdoc/>
    protected override BatchItemFailuresResponse Value() => Payloads.BatchItemFailures(5);

    /// <inheritdoc/>
    protected override JsonTypeInfo<BatchItemFailuresResponse> SourceGen => StjContext.Default.BatchItemFailuresResponse;

    /// <inheritdoc/>
    protected override void Check(string json)
    {
        if (!json.StartsWith("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + Payloads.MessageId(1) + "\"}", StringComparison.Ordinal))
            throw new InvalidOperationException("Wrong write: " + json);
    }
}

/// <summary>An HTTP API response: status, three headers, a 200-byte body of plain text or of JSON.</summary>
[BenchmarkCategory("Write", "HttpApi")]
public class HttpApiResponseWrite : WriteBenchmarks<ApiGatewayHttpApiV2ProxyResponse>
{
    /// <summary>What the body holds: <c>text</c> needs no escaping, <c>json</c> has quotes to escape.</summary>
    [Params("text", "json")]
    public string Body { get; set; } = "text";

    /// <inheritdoc/>
    protected override ApiGatewayHttpApiV2ProxyResponse Value() => Payloads.HttpApiResponse(Body);

    /// <inheritdoc/>
    protected override JsonTypeInfo<ApiGatewayHttpApiV2ProxyResponse> SourceGen => StjContext.Default.ApiGatewayHttpApiV2ProxyResponse;

    /// <inheritdoc/>
    protected override void Check(string json)
    {
        if (!json.StartsWith("{\"statusCode\":200,\"headers\":{\"content-type\":", StringComparison.Ordinal) || !json.Contains("\"x-request-id\":", StringComparison.Ordinal))
            throw new InvalidOperationException("Wrong write: " + json);
    }
}
