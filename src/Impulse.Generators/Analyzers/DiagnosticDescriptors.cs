using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// Every diagnostic Impulse reports, in id order. Each id has a page under <c>docs/diagnostics</c>
/// and a row in <c>AnalyzerReleases.Unshipped.md</c>.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Functions = "Impulse.Functions";
    private const string HelpBase = "https://github.com/impulse-functions/impulse/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor DuplicateFunctionName = new(
        id: "IMP0001",
        title: "Function names must be unique",
        messageFormat: "The function name '{0}' is also used by {1}; give each function its own name",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0001.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor InvalidFunctionName = new(
        id: "IMP0002",
        title: "Function name is not valid",
        messageFormat: "The function name {0} is not valid: {1}. Use 1 to 64 letters, digits, hyphens (-) or underscores (_).",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0002.md");

    public static readonly DiagnosticDescriptor HandlerNotAccessible = new(
        id: "IMP0003",
        title: "Handler is not accessible to generated code",
        messageFormat: "Generated code cannot call '{0}': {1}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0003.md");

    public static readonly DiagnosticDescriptor GenericHandler = new(
        id: "IMP0004",
        title: "Handler is generic",
        messageFormat: "Handler '{0}' {1}, and generated code cannot choose type arguments; use a non-generic method in a non-generic type",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0004.md");

    public static readonly DiagnosticDescriptor AsyncVoidHandler = new(
        id: "IMP0005",
        title: "Handler is async void",
        messageFormat: "Handler '{0}' is async void, so the runtime can neither wait for it nor see its exceptions; return Task instead",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0005.md");

    public static readonly DiagnosticDescriptor UnsupportedParameter = new(
        id: "IMP0006",
        title: "Handler parameter is not supported",
        messageFormat: "Parameter '{0}' is not supported: {1}. A handler takes at most one event, one FunctionContext and one CancellationToken, each by value, in any order.",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0006.md");

    public static readonly DiagnosticDescriptor UnsupportedReturnType = new(
        id: "IMP0007",
        title: "Handler return type is not supported",
        messageFormat: "Return type '{0}' is not supported: {1}. Return void, T, Task, Task<T>, ValueTask or ValueTask<T>, where T is not a ref struct, pointer or type parameter.",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0007.md");

    public static readonly DiagnosticDescriptor MemoryOutOfRange = new(
        id: "IMP0008",
        title: "MemoryMb is out of range",
        messageFormat: "MemoryMb is {0}, but Lambda allows 128 to 10240 MB; choose a value in that range",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0008.md");

    public static readonly DiagnosticDescriptor TimeoutOutOfRange = new(
        id: "IMP0009",
        title: "TimeoutSeconds is out of range",
        messageFormat: "TimeoutSeconds is {0}, but Lambda allows 1 to 900 seconds; choose a value in that range",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0009.md");

    public static readonly DiagnosticDescriptor NoSerializer = new(
        id: "IMP0010",
        title: "Event or result type has no serializer",
        messageFormat: "'{0}' has no serializer: Impulse cannot generate one ({1}), and {2}. Use a type Impulse can serialize, string or JsonElement, or list it with [JsonSerializable] on a JsonSerializerContext named by [FunctionSerializer].",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0010.md");

    public static readonly DiagnosticDescriptor NotConstructible = new(
        id: "IMP0011",
        title: "Function class cannot be constructed",
        messageFormat: "Generated code cannot construct the class of instance handler '{0}': {1}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0011.md");

    public static readonly DiagnosticDescriptor InvalidEnvironment = new(
        id: "IMP0012",
        title: "Environment entry is not valid",
        messageFormat: "Environment entry is not valid: {0}. Write each entry as KEY=VALUE, with a key of letters, digits and underscores that starts with a letter.",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0012.md");

    public static readonly DiagnosticDescriptor MultipleStartups = new(
        id: "IMP0013",
        title: "More than one class implements IFunctionsStartup",
        messageFormat: "'{0}' is one of several classes that implement IFunctionsStartup ({1}), so none of them is called; keep exactly one",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0013.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnsupportedFunctionTarget = new(
        id: "IMP0014",
        title: "[Function] is not on a method declaration",
        messageFormat: "[Function] on {0} is ignored: only a method declared in a class, struct, record or interface can be a function; move the code into such a method",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0014.md");

    public static readonly DiagnosticDescriptor ContextDoesNotListType = new(
        id: "IMP0015",
        title: "Serializer context does not list a type it is named for",
        messageFormat: "'{0}' is not listed on '{1}', which [FunctionSerializer] names for '{2}'; Impulse's generated reader and writer are used for it instead. List it with [JsonSerializable(typeof({0}))], or drop [FunctionSerializer] to use generated code throughout.",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0015.md");

    public static readonly DiagnosticDescriptor ReservedConcurrencyOutOfRange = new(
        id: "IMP0016",
        title: "ReservedConcurrency is negative",
        messageFormat: "ReservedConcurrency is {0}; it must be 0 (no limit of the function's own) or a positive number of concurrent invocations",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0016.md");

    public static readonly DiagnosticDescriptor InvalidScheduleExpression = new(
        id: "IMP0017",
        title: "Schedule expression is not valid",
        messageFormat: "The schedule expression '{0}' is not valid: {1}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0017.md");

    public static readonly DiagnosticDescriptor MalformedAction = new(
        id: "IMP0018",
        title: "IAM action is malformed",
        messageFormat: "The IAM action '{0}' is malformed: {1}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0018.md");

    public static readonly DiagnosticDescriptor MalformedPermissionValue = new(
        id: "IMP0019",
        title: "Permission ARN, principal, account or condition is malformed",
        messageFormat: "{0} is malformed: {1}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0019.md");

    public static readonly DiagnosticDescriptor WildcardPermission = new(
        id: "IMP0020",
        title: "Permission uses a wildcard",
        messageFormat: "{0} grants {1}; {2}",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0020.md");

    public static readonly DiagnosticDescriptor InvalidArchitecture = new(
        id: "IMP0023",
        title: "ImpulseArchitecture is not valid",
        messageFormat: "The build property ImpulseArchitecture is '{0}', which is not an architecture Lambda runs; set it to x86_64 (the default) or arm64",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0023.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UndeclaredSdkPermission = new(
        id: "IMP0021",
        title: "AWS SDK call needs a permission the function does not declare",
        messageFormat: "{0} needs '{1}', which function '{2}' does not declare; add [ExecutionPermission(\"{1}\", \"{3}\")] to the function or its class",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0021.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor UnusedExecutionPermission = new(
        id: "IMP0022",
        title: "Declared permission is not used by any AWS SDK call",
        messageFormat: "'{0}' is declared for {1}, but no AWS SDK call there needs it; remove it unless code Impulse cannot see uses it",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0022.md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor DynamoDbStreamEventType = new(
        id: "IMP0024",
        title: "DynamoDB stream handler takes a type the stream cannot give it",
        messageFormat: "'{0}' takes '{1}', but a DynamoDB stream delivers change records, not payloads of the app's own; take DynamoDbEventRecord (one record per call, partial failures reported for you), DynamoDbEvent (the whole batch) or JsonElement",
        category: Functions,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpBase + "IMP0024.md");
}
