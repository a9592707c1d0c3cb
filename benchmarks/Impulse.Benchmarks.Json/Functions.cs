using Impulse.Events;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// Functions that exist only so the generator emits readers and writers for the benchmarked types,
/// as it would in a user's app. The benchmarks call those readers and writers directly, never these.
/// </summary>
public static class Functions
{
    /// <summary>Makes the generator emit the <see cref="SqsEvent"/> reader and the <see cref="BatchItemFailuresResponse"/> writer.</summary>
    [Function("sqs")]
    public static BatchItemFailuresResponse Sqs(SqsEvent batch) => new();

    /// <summary>Makes the generator emit the HTTP API v2 request reader and response writer.</summary>
    [Function("http")]
    public static ApiGatewayHttpApiV2ProxyResponse Http(ApiGatewayHttpApiV2ProxyRequest request) => new();

    /// <summary>Makes the generator emit the <see cref="DynamoDbEvent"/> reader.</summary>
    [Function("dynamodb")]
    public static BatchItemFailuresResponse DynamoDb(DynamoDbEvent batch) => new();
}
