using System.Text.Json.Serialization;

namespace Impulse;

/// <summary>
/// Names the <see cref="JsonSerializerContext"/> that reads the events and writes the results of the
/// functions it is placed on (a method, or a class for all its functions). The context must list every
/// such type with <see cref="JsonSerializableAttribute"/>; the analyzer checks that it does.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FunctionSerializerAttribute(Type contextType) : Attribute
{
    /// <summary>The serializer context type.</summary>
    public Type ContextType { get; } = contextType;
}
