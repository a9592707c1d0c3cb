namespace Impulse.CodeFixes;

/// <summary>The action and resource an added <c>[ExecutionPermission]</c> declares.</summary>
internal sealed record PermissionToDeclare(string Action, string Resource);
