namespace Impulse.Generators.Model;

/// <summary>The shapes of value a generated reader and writer know.</summary>
internal enum JsonTypeKind
{
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    Guid,
    Bytes,
    JsonElement,
    Enum,
    Nullable,
    Array,
    List,
    Dictionary,
    Object,
}

/// <summary>
/// One type in an app's JSON graph. <see cref="Id"/> names its generated read and write methods;
/// element, member and key types refer to other specs by id, so recursive types are fine.
/// </summary>
internal sealed record JsonTypeModel(
    string Id,
    string Type,
    string DisplayName,
    JsonTypeKind Kind,
    bool IsValueType,
    string? ElementId,
    EquatableArray<JsonPropertyModel> Properties,
    EquatableArray<JsonEnumMemberModel> EnumMembers,
    bool EnumAsString,
    bool HasParameterlessConstructor,
    GenericShapeModel? Generic = null);

/// <summary>
/// A constructed generic type's definition, for accessors that must be declared generic:
/// <c>EventBridgeEvent&lt;TDetail&gt;</c> with the arguments that close it.
/// </summary>
internal sealed record GenericShapeModel(string AccessorClass, string Definition, string TypeParameters, string TypeArguments);

/// <summary>A property of an object type, as it reads and writes.</summary>
internal sealed record JsonPropertyModel(
    string ClrName,
    string JsonName,
    string TypeId,
    string Type,
    bool CanRead,
    JsonSetter Setter,
    int ConstructorIndex,
    bool Required,
    bool SkipNullOnWrite,
    string? DefaultValue,
    string? DefinitionType = null,
    bool RejectsNull = false,
    bool RepeatsInBatch = false);

/// <summary>How a reader puts a value into an object.</summary>
internal enum JsonSetter
{
    /// <summary>Not read: get-only and not a constructor parameter.</summary>
    None,
    /// <summary>Through the constructor.</summary>
    Constructor,
    /// <summary>A public setter, called only when the property was present.</summary>
    Set,
    /// <summary>An <c>init</c> accessor, called through an accessor only when the property was present.</summary>
    Init,
    /// <summary>A <c>required</c> member, set in the object initializer.</summary>
    Required,
}

/// <summary>An enum member and the name it has in JSON; of members that share a value, only the first is written.</summary>
internal sealed record JsonEnumMemberModel(string ClrName, string JsonName, bool Written);

/// <summary>App-wide JSON settings, declared once with <c>[assembly: ImpulseJson(...)]</c>.</summary>
internal sealed record JsonOptionsModel(JsonNaming Naming, bool CaseInsensitive, bool EnumsAsStrings)
{
    public static readonly JsonOptionsModel Default = new(JsonNaming.AsDeclared, CaseInsensitive: false, EnumsAsStrings: false);
}

/// <summary>How property names become JSON names when no <c>[JsonPropertyName]</c> says otherwise.</summary>
internal enum JsonNaming
{
    AsDeclared,
    CamelCase,
}
