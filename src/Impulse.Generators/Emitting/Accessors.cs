using Impulse.Generators.Model;

namespace Impulse.Generators.Emitting;

/// <summary>
/// <c>init</c> accessors cannot be called after construction from C#, yet a reader must set only the
/// properties the JSON had, so a type's defaults survive. <c>[UnsafeAccessor]</c> reaches them without
/// reflection, which native AOT accepts.
/// </summary>
internal static class Accessors
{
    public static string InitName(JsonTypeModel type, JsonPropertyModel property) => $"Init_{type.Id}_{property.ClrName}";

    public static void Emit(SourceWriter writer, JsonTypeModel type)
    {
        foreach (var property in type.Properties)
        {
            if (property.Setter != JsonSetter.Init)
                continue;
            writer.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"set_{property.ClrName}\")]");
            writer.Line($"private static extern void {InitName(type, property)}({type.Type} target, {property.Type} value);");
        }
    }
}
