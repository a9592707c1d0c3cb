namespace Impulse.Tool.Registry;

/// <summary>A function's <c>$LATEST</c>: the last package and the function's descriptor in it.</summary>
/// <param name="Function">The function name.</param>
/// <param name="CodeSha256">The package's base64 SHA-256.</param>
/// <param name="ConfigSha256">The descriptor's configuration SHA-256.</param>
/// <param name="Descriptor">The descriptor's JSON.</param>
/// <param name="Updated">When it was packaged (UTC, ISO 8601).</param>
internal sealed record LatestRecord(string Function, string CodeSha256, string ConfigSha256, string Descriptor, string Updated);

/// <summary>An immutable published version.</summary>
/// <param name="Function">The function name.</param>
/// <param name="Number">Its number: 1, 2, ... never reused.</param>
/// <param name="CodeSha256">The package's base64 SHA-256.</param>
/// <param name="ConfigSha256">The descriptor's configuration SHA-256.</param>
/// <param name="Description">The description given at publish.</param>
/// <param name="Descriptor">The descriptor's JSON as published.</param>
/// <param name="Created">When it was published (UTC, ISO 8601).</param>
internal sealed record VersionRecord(string Function, int Number, string CodeSha256, string ConfigSha256, string Description, string Descriptor, string Created);

/// <summary>A named pointer to a version, optionally splitting traffic with a second one.</summary>
/// <param name="Function">The function name.</param>
/// <param name="Name">The alias: <c>prod</c>.</param>
/// <param name="Version">The version it points at: a number or <c>$LATEST</c>.</param>
/// <param name="AdditionalVersion">The second version, or null.</param>
/// <param name="Weight">The share of invocations the second version gets (0 &lt; w &lt; 1), or null.</param>
/// <param name="Description">Free text.</param>
/// <param name="Created">When it was created (UTC, ISO 8601).</param>
/// <param name="Updated">When it last changed (UTC, ISO 8601).</param>
internal sealed record AliasRecord(string Function, string Name, string Version, int? AdditionalVersion, double? Weight, string Description, string Created, string Updated);

/// <summary>What a publish did for one function.</summary>
/// <param name="Version">The version: the new one, or the existing one when nothing changed.</param>
/// <param name="Created">True when the publish created it.</param>
internal sealed record PublishOutcome(VersionRecord Version, bool Created);

/// <summary>How an alias update treats the traffic split.</summary>
/// <param name="AdditionalVersion">The second version to set, or null with <paramref name="Clear"/> to remove it.</param>
/// <param name="Weight">Its weight.</param>
/// <param name="Clear">True to remove the split.</param>
internal sealed record RoutingChange(int? AdditionalVersion, double? Weight, bool Clear);
