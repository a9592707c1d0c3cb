namespace Impulse.Generators.Model;

/// <summary>Everything the emitters need to know about one function, as plain equatable data.</summary>
internal sealed record FunctionModel(
    string Name,
    FunctionSettingsModel Settings,
    HandlerModel Handler,
    EquatableArray<TriggerModel> Triggers,
    EquatableArray<InvokePermissionModel> InvokePermissions,
    EquatableArray<ExecutionPermissionModel> ExecutionPermissions);

/// <summary>The configuration a function carries into its descriptor.</summary>
internal sealed record FunctionSettingsModel(
    int MemoryMb,
    int TimeoutSeconds,
    string? Description,
    EquatableArray<string> Environment,
    int ReservedConcurrency = 0);

/// <summary>The handler method: where it lives, what it takes and what it returns.</summary>
internal sealed record HandlerModel(
    string ContainingType,
    string MethodName,
    string DisplayName,
    bool IsStatic,
    EquatableArray<ParameterRole> Parameters,
    ValueModel? Event,
    ReturnShape Return,
    ValueModel? Result,
    ConstructorModel? Constructor,
    EquatableArray<JsonTypeModel> JsonTypes,
    BatchModel? Batch = null,
    bool HttpBound = false);

/// <summary>
/// A pull-trigger handler that takes one message: the invoker reads the batch envelope, calls the
/// handler once per record, and answers with the records that failed (partial batch failure).
/// </summary>
internal sealed record BatchModel(BatchKind Kind, string EnvelopeType, string EnvelopeId, string ResponseId);

/// <summary>How a batch's records carry their messages and how failures are reported.</summary>
internal enum BatchKind
{
    /// <summary>SQS: each record's body; every failed message is reported, the rest are deleted.</summary>
    Queue,
    /// <summary>Kinesis: each record's data; processing stops at the first failure, which is reported as the checkpoint.</summary>
    Stream,
    /// <summary>DynamoDB Streams: each change record as it came; stops at the first failure, as <see cref="Stream"/> does.</summary>
    DynamoDbStream,
}

/// <summary>
/// An event or result type and how it is read or written: <see cref="SerializerContext"/> names the
/// user's context, <see cref="JsonTypeId"/> the generated reader and writer.
/// </summary>
internal sealed record ValueModel(string Type, ValueCodec Codec, string? SerializerContext, bool AllowsNull, string? JsonTypeId = null);

/// <summary>How generated code builds an instance function's class.</summary>
internal sealed record ConstructorModel(EquatableArray<ServiceParameterModel> Parameters, Disposal Disposal);

/// <summary>One constructor parameter, resolved from the app's services.</summary>
internal sealed record ServiceParameterModel(string Type, bool Optional);

/// <summary>
/// A push or pull trigger as declared, carried into the descriptor; <see cref="DeadLetterQueue"/> is a pull
/// trigger's dead-letter queue, which its permissions must reach.
/// </summary>
internal sealed record TriggerModel(
    string Kind,
    string Source,
    string Expression,
    EquatableArray<SettingModel> Settings,
    string? DeadLetterQueue = null);

/// <summary>A named trigger setting, its value already formatted as JSON.</summary>
internal sealed record SettingModel(string Name, string JsonValue);

/// <summary>Who may invoke the function.</summary>
internal sealed record InvokePermissionModel(string Principal, string? SourceArn, string? SourceAccount);

/// <summary>An IAM action the function may perform, on which resources.</summary>
internal sealed record ExecutionPermissionModel(string Action, EquatableArray<string> Resources, string? Condition);
