using System.Linq;
using Impulse.Generators.Model;

namespace Impulse.Generators.Emitting;

/// <summary>
/// <c>init</c> accessors cannot be called after construction from C#, yet a reader must set only the
/// properties the JSON had, so a type's defaults survive. <c>[UnsafeAccessor]</c> reaches them without
/// reflection, which native AOT accepts.
/// </summary>
internal static class Accessors
{
    /// <summary>
    /// The accessor's name. A generic type's accessors live in a generic class of its own, as
    /// <c>[UnsafeAccessor]</c> requires the accessor's type parameters to match the target's.
    /// </summary>
    public static string InitName(JsonTypeModel type, JsonPropertyModel property) =>
        type.Generic is { } generic
            ? $"{generic.AccessorClass}<{generic.TypeArguments}>.{property.ClrName}"
            : $"Init_{type.Id}_{property.ClrName}";

    public static void Emit(SourceWriter writer, JsonTypeModel type)
    {
        if (type.Generic is not null)
            return;
        foreach (var property in type.Properties)
        {
            if (property.Setter != JsonSetter.Init)
                continue;
            writer.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"set_{property.ClrName}\")]");
            writer.Line($"private static extern void {InitName(type, property)}({type.Type} target, {property.Type} value);");
        }
    }

    /// <summary>One generic accessor class per generic definition, shared by all its constructed types.</summary>
    public static void EmitGeneric(SourceWriter writer, System.Collections.Generic.IEnumerable<JsonTypeModel> types)
    {
        var emitted = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (type.Generic is not { } generic || !type.Properties.Any(p => p.Setter == JsonSetter.Init) || !emitted.Add(generic.AccessorClass))
                continue;
            writer.Line();
            writer.Line($"private static class {generic.AccessorClass}<{generic.TypeParameters}>");
            using (writer.Braces())
            {
                foreach (var property in type.Properties.Where(p => p.Setter == JsonSetter.Init))
                {
                    writer.Line($"[global::System.Runtime.CompilerServices.UnsafeAccessor(global::System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = \"set_{property.ClrName}\")]");
                    writer.Line($"public static extern void {property.ClrName}({generic.Definition} target, {property.DefinitionType} value);");
                }
            }
        }
    }
}
