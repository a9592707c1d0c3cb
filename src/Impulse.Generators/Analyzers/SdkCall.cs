using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Analyzers;

/// <summary>An IAM action a call needs, on the narrowest resource the call names.</summary>
internal readonly record struct SdkPermissionNeed(string Action, string Resource);

/// <summary>A call of an AWS SDK client method the operation map knows, and what it needs.</summary>
/// <param name="Operation">The call as messages name it, <c>IAmazonS3.GetObjectAsync</c>.</param>
/// <param name="Location">The invocation, where a missing permission is reported.</param>
/// <param name="Needs">One entry per action, in map order.</param>
internal sealed record SdkCall(string Operation, Location Location, ImmutableArray<SdkPermissionNeed> Needs);
