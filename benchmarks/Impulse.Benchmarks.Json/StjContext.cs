using System.Text.Json.Serialization;
using Impulse.Events;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// The baseline: System.Text.Json's own source generator for the same types, default options
/// (which also emit its fast-path serializer, used by <c>Serialize(Utf8JsonWriter, T, JsonTypeInfo)</c>).
/// </summary>
[JsonSerializable(typeof(SqsEvent))]
[JsonSerializable(typeof(ApiGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(DynamoDbEvent))]
[JsonSerializable(typeof(BatchItemFailuresResponse))]
[JsonSerializable(typeof(ApiGatewayHttpApiV2ProxyResponse))]
internal sealed partial class StjContext : JsonSerializerContext;
