using System.Collections.Generic;

namespace Impulse.CodeFixes;

/// <summary>The action and resources an added <c>[ExecutionPermission]</c> declares.</summary>
internal sealed record PermissionToDeclare(string Action, IReadOnlyList<string> Resources);
