namespace Impulse.Generators.Model;

/// <summary>The whole app: its functions in ordinal name order, its startup, and what to emit.</summary>
internal sealed record AppModel(
    EquatableArray<FunctionModel> Functions,
    string? Startup,
    bool EmitEntryPoint,
    bool LocalHost,
    EquatableArray<JsonTypeModel> JsonTypes,
    JsonOptionsModel JsonOptions,
    string Architecture = "x86_64");

/// <summary>
/// The build settings the generator reads; <paramref name="LocalHost"/>: the app references Impulse.Hosting;
/// <paramref name="Architecture"/>: from <c>ImpulseArchitecture</c>, already valid (the analyzer reports a bad one).
/// </summary>
internal sealed record GeneratorOptions(bool EmitEntryPoint, bool LocalHost = false, string Architecture = "x86_64");
