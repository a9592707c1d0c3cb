namespace Impulse;

/// <summary>How property names become JSON names where no <c>[JsonPropertyName]</c> says otherwise.</summary>
public enum JsonNaming
{
    /// <summary>The C# name, unchanged (System.Text.Json's default).</summary>
    AsDeclared,
    /// <summary><c>OrderId</c> becomes <c>orderId</c>.</summary>
    CamelCase,
}

/// <summary>
/// App-wide settings of the generated JSON readers and writers, declared once per app:
/// <c>[assembly: ImpulseJson(Naming = JsonNaming.CamelCase)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class ImpulseJsonAttribute : Attribute
{
    /// <summary>The naming policy for properties and, when written as strings, enum members.</summary>
    public JsonNaming Naming { get; set; }

    /// <summary>Match property names ignoring ASCII case when reading. Off by default: exact matching is faster and stricter.</summary>
    public bool CaseInsensitive { get; set; }

    /// <summary>Write enums as their names rather than numbers (reading accepts both).</summary>
    public bool EnumsAsStrings { get; set; }
}
