using Impulse.Tool.Cli;

namespace Impulse.Tool.Packaging;

/// <summary>A Lambda architecture and the .NET runtime identifier that builds for it.</summary>
/// <param name="Name">Lambda's name: <c>x86_64</c> or <c>arm64</c>.</param>
/// <param name="RuntimeIdentifier"><c>linux-x64</c> or <c>linux-arm64</c>.</param>
internal sealed record TargetArchitecture(string Name, string RuntimeIdentifier)
{
    /// <summary>Lambda's default.</summary>
    public static readonly TargetArchitecture X86_64 = new("x86_64", "linux-x64");

    /// <summary>Graviton.</summary>
    public static readonly TargetArchitecture Arm64 = new("arm64", "linux-arm64");

    /// <summary>The architecture Lambda calls <paramref name="name"/>; anything else is a usage error.</summary>
    public static TargetArchitecture Parse(string? name) => name switch
    {
        null or "x86_64" => X86_64,
        "arm64" => Arm64,
        _ => throw new UsageException($"Option '--arch' is x86_64 or arm64, not '{name}'."),
    };
}
