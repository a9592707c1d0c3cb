namespace Impulse.Generators.Model;

/// <summary>
/// A function's permissions as the manifest states them: who may invoke it, and its execution policy.
/// Derived from its triggers and merged with what it declares (<see cref="Permissions.PermissionDeriver"/>).
/// </summary>
internal sealed record PermissionSetModel(EquatableArray<InvokeGrantModel> Invoke, EquatableArray<PolicyStatementModel> Execution);

/// <summary>
/// One resource-based statement that lets <see cref="Principal"/> invoke the function. <see cref="Origin"/>
/// is <c>trigger</c> when a push trigger implies it, <c>declared</c> for <c>[InvokePermission]</c>.
/// </summary>
internal sealed record InvokeGrantModel(string Sid, string Principal, string? SourceArn, string? SourceAccount, string Origin)
{
    public const string Action = "lambda:InvokeFunction";
    public const string FromTrigger = "trigger";
    public const string Declared = "declared";
}

/// <summary>
/// One statement of the execution policy: actions (sorted, distinct) on resources (sorted, distinct),
/// with an optional condition already normalised to compact JSON.
/// </summary>
internal sealed record PolicyStatementModel(string Sid, EquatableArray<string> Actions, EquatableArray<string> Resources, string? Condition)
{
    public const string Effect = "Allow";
}
