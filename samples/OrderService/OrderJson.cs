using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderService;

/// <summary>Reads and writes the app's event and result types without reflection.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateOrder))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(GetOrder))]
public sealed partial class OrderJson : JsonSerializerContext;
