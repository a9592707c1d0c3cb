namespace Impulse.Generators.Parsing;

/// <summary>Something about a function that stops the generator from emitting it; the analyzers report each.</summary>
internal enum HandlerIssueKind
{
    InvalidName,
    Inaccessible,
    Generic,
    AsyncVoid,
    UnsupportedParameter,
    UnsupportedReturn,
    MemoryOutOfRange,
    TimeoutOutOfRange,
    NoSerializer,
    NotConstructible,
    InvalidEnvironment,
    ReservedConcurrencyOutOfRange,
}

/// <summary>One issue, with the parameter it concerns (or -1) and a detail for the message.</summary>
internal readonly record struct HandlerIssue(HandlerIssueKind Kind, int ParameterIndex = -1, string? Detail = null);
