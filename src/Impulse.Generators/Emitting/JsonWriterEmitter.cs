using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;
using static Impulse.Generators.Emitting.JsonNames;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits one <c>Utf8JsonWriter</c> method per type, with property names encoded once into static
/// fields so each write copies bytes rather than escaping text.
/// </summary>
internal sealed class JsonWriterEmitter(IReadOnlyDictionary<string, JsonTypeModel> types)
{
    public static void EmitEncodedNames(SourceWriter writer, JsonTypeModel type)
    {
        for (var i = 0; i < type.Properties.Count; i++)
        {
            if (type.Properties[i].CanRead)
                writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText {EncodedName(type, i)} = global::System.Text.Json.JsonEncodedText.Encode({Literal(type.Properties[i].JsonName)});");
        }
    }

    public void Emit(SourceWriter writer, JsonTypeModel type)
    {
        writer.Line($"public static void {WriteMethod(type.Id)}({Writer} writer, {type.Type}{(type.IsValueType ? "" : "?")} value)");
        using (writer.Braces())
        {
            if (AcceptsNull(type) && type.Kind is not (JsonTypeKind.String or JsonTypeKind.Bytes))
                writer.Line("if (value is null) { writer.WriteNullValue(); return; }");
            switch (type.Kind)
            {
                case JsonTypeKind.Object: EmitObject(writer, type); break;
                case JsonTypeKind.Array or JsonTypeKind.List:
                    writer.Line("writer.WriteStartArray();");
                    // Indexing spares the boxed enumerator a foreach over an interface would allocate.
                    if (IsIndexable(type.Type))
                        writer.Line($"for (var i = 0; i < value.{(type.Kind == JsonTypeKind.Array ? "Length" : "Count")}; i++) {WriteStatement(type.ElementId!, "value[i]")}");
                    else
                        writer.Line($"foreach (var item in value) {WriteStatement(type.ElementId!, "item")}");
                    writer.Line("writer.WriteEndArray();");
                    break;
                case JsonTypeKind.Dictionary:
                    writer.Line("writer.WriteStartObject();");
                    // Readers build Dictionary<,>: enumerating it as such uses its struct enumerator, no allocation.
                    var element = types[type.ElementId!].Type;
                    writer.Line($"if (value is global::System.Collections.Generic.Dictionary<string, {element}> dictionary)");
                    using (writer.Braces())
                        EmitPairs(writer, "dictionary", type.ElementId!);
                    writer.Line("else");
                    using (writer.Braces())
                        EmitPairs(writer, "value", type.ElementId!);
                    writer.Line("writer.WriteEndObject();");
                    break;
                case JsonTypeKind.Nullable:
                    writer.Line($"{WriteMethod(type.ElementId!)}(writer, value.Value);");
                    break;
                case JsonTypeKind.Enum: EmitEnum(writer, type); break;
                default: writer.Line(ScalarWrite(type.Kind, "value") + ";"); break;
            }
        }
    }

    /// <summary>A statement that writes <paramref name="value"/>; scalars are written inline, without a call of their own.</summary>
    private string WriteStatement(string typeId, string value)
    {
        var type = types[typeId];
        return JsonReaderEmitter.IsScalar(type.Kind) && type.Kind is not (JsonTypeKind.Bytes or JsonTypeKind.JsonElement)
            ? ScalarWrite(type.Kind, value) + ";"
            : $"{WriteMethod(typeId)}(writer, {value});";
    }

    private void EmitPairs(SourceWriter writer, string source, string elementId)
    {
        writer.Line($"foreach (var pair in {source})");
        using (writer.Braces())
        {
            writer.Line("writer.WritePropertyName(pair.Key);");
            writer.Line(WriteStatement(elementId, "pair.Value"));
        }
    }

    private static bool IsIndexable(string type) =>
        type.EndsWith("[]", System.StringComparison.Ordinal)
        || type.StartsWith("global::System.Collections.Generic.List<", System.StringComparison.Ordinal)
        || type.StartsWith("global::System.Collections.Generic.IList<", System.StringComparison.Ordinal)
        || type.StartsWith("global::System.Collections.Generic.IReadOnlyList<", System.StringComparison.Ordinal);

    private static string ScalarWrite(JsonTypeKind kind, string value) => kind switch
    {
        JsonTypeKind.String => $"writer.WriteStringValue({value})",
        JsonTypeKind.Boolean => $"writer.WriteBooleanValue({value})",
        JsonTypeKind.DateTime or JsonTypeKind.DateTimeOffset or JsonTypeKind.Guid => $"writer.WriteStringValue({value})",
        JsonTypeKind.TimeSpan => $"writer.WriteStringValue({value}.ToString(\"c\", global::System.Globalization.CultureInfo.InvariantCulture))",
        JsonTypeKind.Bytes => $"if ({value} is null) writer.WriteNullValue(); else writer.WriteBase64StringValue({value})",
        JsonTypeKind.JsonElement => $"if ({value}.ValueKind == global::System.Text.Json.JsonValueKind.Undefined) writer.WriteNullValue(); else {value}.WriteTo(writer)",
        _ => $"writer.WriteNumberValue({value})",
    };

    private void EmitObject(SourceWriter writer, JsonTypeModel type)
    {
        writer.Line("writer.WriteStartObject();");
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (!property.CanRead)
                continue;
            var write = $"writer.WritePropertyName({EncodedName(type, i)}); {WriteStatement(property.TypeId, "value." + property.ClrName)}";
            var canBeNull = AcceptsNull(types[property.TypeId]);
            writer.Line(property.SkipNullOnWrite && canBeNull ? $"if (value.{property.ClrName} is not null) {{ {write} }}" : write);
        }
        writer.Line("writer.WriteEndObject();");
    }

    private static void EmitEnum(SourceWriter writer, JsonTypeModel type)
    {
        if (!type.EnumAsString)
        {
            writer.Line("writer.WriteNumberValue((long)value);");
            return;
        }
        writer.Line("switch (value)");
        using (writer.Braces())
        {
            foreach (var member in type.EnumMembers.Where(m => m.Written))
                writer.Line($"case {type.Type}.{member.ClrName}: writer.WriteStringValue({Utf8(member.JsonName)}); return;");
            // A value that names no member (flags, casts) is written as its number, as System.Text.Json does.
            writer.Line("default: writer.WriteNumberValue((long)value); return;");
        }
    }
}
