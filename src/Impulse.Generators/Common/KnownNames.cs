namespace Impulse.Generators;

/// <summary>Metadata names of the types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string FunctionAttribute = "Impulse.FunctionAttribute";
    public const string PushTriggerAttribute = "Impulse.PushTriggerAttribute";
    public const string PullTriggerAttribute = "Impulse.PullTriggerAttribute";
    public const string InvokePermissionAttribute = "Impulse.InvokePermissionAttribute";
    public const string ExecutionPermissionAttribute = "Impulse.ExecutionPermissionAttribute";
    public const string FunctionSerializerAttribute = "Impulse.FunctionSerializerAttribute";
    public const string FunctionsStartup = "Impulse.IFunctionsStartup";
    public const string FunctionContext = "Impulse.FunctionContext";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";
    public const string AsyncDisposable = "System.IAsyncDisposable";
    public const string Disposable = "System.IDisposable";

    public const string ImpulseJsonAttribute = "Impulse.ImpulseJsonAttribute";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    public const string JsonStringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    public const string Nullable = "System.Nullable`1";
    public const string List = "System.Collections.Generic.List`1";
    public const string IList = "System.Collections.Generic.IList`1";
    public const string ICollection = "System.Collections.Generic.ICollection`1";
    public const string IEnumerable = "System.Collections.Generic.IEnumerable`1";
    public const string IReadOnlyList = "System.Collections.Generic.IReadOnlyList`1";
    public const string IReadOnlyCollection = "System.Collections.Generic.IReadOnlyCollection`1";
    public const string Dictionary = "System.Collections.Generic.Dictionary`2";
    public const string IDictionary = "System.Collections.Generic.IDictionary`2";
    public const string IReadOnlyDictionary = "System.Collections.Generic.IReadOnlyDictionary`2";
    public const string DateTimeOffset = "System.DateTimeOffset";
    public const string TimeSpan = "System.TimeSpan";
    public const string Guid = "System.Guid";

    public const string SqsEvent = "Impulse.Events.SqsEvent";
    public const string KinesisEvent = "Impulse.Events.KinesisEvent";
    public const string DynamoDbEvent = "Impulse.Events.DynamoDbEvent";
    public const string DynamoDbEventRecord = "Impulse.Events.DynamoDbEventRecord";
    public const string HttpApiRequest = "Impulse.Events.ApiGatewayHttpApiV2ProxyRequest";
    public const string RestApiRequest = "Impulse.Events.ApiGatewayProxyRequest";
    public const string BatchItemFailuresResponse = "Impulse.Events.BatchItemFailuresResponse";

    public const string HostingAssembly = "Impulse.Hosting";

    public const string StartupInterfaceName = "IFunctionsStartup";
}
