using System.Collections.Immutable;

namespace Impulse.Generators.Analyzers;

/// <summary>
/// One row of the SDK operation map: a call of <see cref="Operation"/> on <see cref="Client"/> needs
/// <see cref="Action"/> on the resource <see cref="ResourceTemplate"/> names, perhaps only when the
/// request sets one of <see cref="When"/>.
/// </summary>
internal sealed record SdkPermissionRule(
    string Client,
    string Operation,
    string Action,
    string ResourceTemplate,
    ImmutableArray<string> When)
{
    /// <summary>The IAM service prefix, <c>s3</c> in <c>s3:GetObject</c>.</summary>
    public string Service => Action.Substring(0, Action.IndexOf(':'));
}
