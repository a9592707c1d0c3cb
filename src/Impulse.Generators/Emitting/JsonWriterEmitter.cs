using System.Collections.Generic;
using System.Linq;
using System.Text;
using Impulse.Generators.Model;
using static Impulse.Generators.Emitting.JsonNames;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits one writer method per type over <c>JsonOutput</c>. An object's shape is known here, so its
/// constant text (braces, commas, property names) is emitted as UTF-8 literals, merged into one run
/// between values: writing a property costs one copy and one value, with no per-token state to keep.
/// The bytes are those <c>Utf8JsonWriter</c> writes with its default encoder.
/// </summary>
internal sealed class JsonWriterEmitter(IReadOnlyDictionary<string, JsonTypeModel> types)
{
    /// <summary>
    /// Property names that must be escaped (rare: HTML-sensitive or non-ASCII characters) are encoded once
    /// at run time by <c>JsonEncodedText</c>, so their bytes are the encoder's own; other names are literals.
    /// </summary>
    public static void EmitEncodedNames(SourceWriter writer, JsonTypeModel type)
    {
        for (var i = 0; i < type.Properties.Count; i++)
        {
            if (type.Properties[i].CanRead && !IsPlainJsonText(type.Properties[i].JsonName))
                writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText {EncodedName(type, i)} = global::System.Text.Json.JsonEncodedText.Encode({Literal(type.Properties[i].JsonName)});");
        }
    }

    public void Emit(SourceWriter writer, JsonTypeModel type)
    {
        writer.Line($"public static void {WriteMethod(type.Id)}(ref {Output} writer, {type.Type}{(type.IsValueType ? "" : "?")} value)");
        using (writer.Braces())
        {
            if (AcceptsNull(type) && type.Kind is not (JsonTypeKind.String or JsonTypeKind.Bytes))
                writer.Line("if (value is null) { writer.WriteNull(); return; }");
            switch (type.Kind)
            {
                case JsonTypeKind.Object: EmitObject(writer, type); break;
                case JsonTypeKind.Array or JsonTypeKind.List:
                    writer.Line("writer.WriteByte((byte)'[');");
                    // Indexing spares the boxed enumerator a foreach over an interface would allocate.
                    if (IsIndexable(type.Type))
                        writer.Line($"for (var i = 0; i < value.{(type.Kind == JsonTypeKind.Array ? "Length" : "Count")}; i++) {{ if (i != 0) writer.WriteByte((byte)','); {WriteStatement(type.ElementId!, "value[i]")} }}");
                    else
                    {
                        writer.Line("var comma = false;");
                        writer.Line($"foreach (var item in value) {{ if (comma) writer.WriteByte((byte)','); comma = true; {WriteStatement(type.ElementId!, "item")} }}");
                    }
                    writer.Line("writer.WriteByte((byte)']');");
                    break;
                case JsonTypeKind.Dictionary:
                    writer.Line("writer.WriteByte((byte)'{');");
                    writer.Line("var comma = false;");
                    // What readers build, enumerated as itself: a span or a struct enumerator, no allocation.
                    var element = types[type.ElementId!].Type;
                    if (JsonReaderEmitter.IsReadOnlyDictionary(type.Type))
                    {
                        writer.Line($"if (value is global::Impulse.Serialization.JsonMap<{element}> map)");
                        using (writer.Braces())
                            EmitPairs(writer, "map.Entries", type.ElementId!);
                    }
                    writer.Line($"{(JsonReaderEmitter.IsReadOnlyDictionary(type.Type) ? "else if" : "if")} (value is global::System.Collections.Generic.Dictionary<string, {element}> dictionary)");
                    using (writer.Braces())
                        EmitPairs(writer, "dictionary", type.ElementId!);
                    writer.Line("else");
                    using (writer.Braces())
                        EmitPairs(writer, "value", type.ElementId!);
                    writer.Line("writer.WriteByte((byte)'}');");
                    break;
                case JsonTypeKind.Nullable:
                    writer.Line($"{WriteMethod(type.ElementId!)}(ref writer, value.Value);");
                    break;
                case JsonTypeKind.Enum: EmitEnum(writer, type); break;
                default: writer.Line(ScalarWrite(type.Kind, "value")); break;
            }
        }
    }

    /// <summary>A statement that writes <paramref name="value"/>; scalars are written inline, without a call of their own.</summary>
    private string WriteStatement(string typeId, string value)
    {
        var type = types[typeId];
        return JsonReaderEmitter.IsScalar(type.Kind) && type.Kind is not (JsonTypeKind.Bytes or JsonTypeKind.JsonElement)
            ? ScalarWrite(type.Kind, value)
            : $"{WriteMethod(typeId)}(ref writer, {value});";
    }

    private void EmitPairs(SourceWriter writer, string source, string elementId)
    {
        writer.Line($"foreach (var pair in {source})");
        using (writer.Braces())
        {
            writer.Line("if (comma) writer.WriteByte((byte)','); comma = true;");
            writer.Line("writer.WriteString(pair.Key); writer.WriteByte((byte)':');");
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
        JsonTypeKind.String => $"writer.WriteString({value});",
        JsonTypeKind.Boolean => $"writer.WriteBoolean({value});",
        JsonTypeKind.Byte or JsonTypeKind.SByte or JsonTypeKind.Int16 or JsonTypeKind.UInt16 or JsonTypeKind.Int32 or JsonTypeKind.UInt32 or JsonTypeKind.Int64
            => $"writer.WriteNumber((long){value});",
        JsonTypeKind.UInt64 => $"writer.WriteNumber({value});",
        JsonTypeKind.TimeSpan => $"writer.WriteString({value}.ToString(\"c\", global::System.Globalization.CultureInfo.InvariantCulture));",
        JsonTypeKind.Bytes => $"if ({value} is null) writer.WriteNull(); else {Fallback($"json.WriteBase64StringValue({value});")}",
        JsonTypeKind.JsonElement => $"if ({value}.ValueKind == global::System.Text.Json.JsonValueKind.Undefined) writer.WriteNull(); else {Fallback($"{value}.WriteTo(json);")}",
        JsonTypeKind.DateTime or JsonTypeKind.DateTimeOffset or JsonTypeKind.Guid => Fallback($"json.WriteStringValue({value});"),
        // Floating point and decimal keep Utf8JsonWriter's own formatting (and its refusal of NaN and infinities).
        _ => Fallback($"json.WriteNumberValue({value});"),
    };

    /// <summary>A value formatted by a <c>Utf8JsonWriter</c> at the output's position, so its bytes are that writer's own.</summary>
    private static string Fallback(string write) => $"{{ var json = writer.BeginFallback(); {write} writer.EndFallback(json); }}";

    private void EmitObject(SourceWriter writer, JsonTypeModel type)
    {
        // Constant text not yet emitted, and whether a property was written before the next one: known
        // here unless a property that may be skipped came first, then tracked at run time in `comma`.
        var text = new StringBuilder("{");
        var before = Written.Nothing;
        for (var i = 0; i < type.Properties.Count; i++)
        {
            var property = type.Properties[i];
            if (!property.CanRead)
                continue;
            var write = WriteStatement(property.TypeId, "value." + property.ClrName);
            if (!(property.SkipNullOnWrite && AcceptsNull(types[property.TypeId])))
            {
                Separator(writer, text, before);
                Name(writer, text, type, i);
                Flush(writer, text);
                writer.Line(write);
                before = Written.Something;
                continue;
            }
            Flush(writer, text);
            if (before == Written.Nothing)
                writer.Line("var comma = false;");
            writer.Line($"if (value.{property.ClrName} is not null)");
            using (writer.Braces())
            {
                Separator(writer, text, before);
                Name(writer, text, type, i);
                Flush(writer, text);
                writer.Line(write);
                if (before != Written.Something)
                    writer.Line("comma = true;");
            }
            if (before == Written.Nothing)
                before = Written.Maybe;
        }
        text.Append('}');
        Flush(writer, text);
    }

    private enum Written { Nothing, Something, Maybe }

    private static void Separator(SourceWriter writer, StringBuilder text, Written before)
    {
        if (before == Written.Something)
            text.Append(',');
        else if (before == Written.Maybe)
        {
            Flush(writer, text);
            writer.Line("if (comma) writer.WriteByte((byte)',');");
        }
    }

    private static void Name(SourceWriter writer, StringBuilder text, JsonTypeModel type, int index)
    {
        var name = type.Properties[index].JsonName;
        text.Append('"');
        if (IsPlainJsonText(name))
            text.Append(name);
        else
        {
            Flush(writer, text);
            writer.Line($"writer.WriteRaw({EncodedName(type, index)}.EncodedUtf8Bytes);");
        }
        text.Append("\":");
    }

    private static void Flush(SourceWriter writer, StringBuilder text)
    {
        if (text.Length == 1 && text[0] != '\'' && text[0] != '\\')
            writer.Line($"writer.WriteByte((byte)'{text[0]}');");
        else if (text.Length > 0)
            writer.Line($"writer.WriteRaw({Utf8(text.ToString())});");
        text.Clear();
    }

    private static void EmitEnum(SourceWriter writer, JsonTypeModel type)
    {
        if (!type.EnumAsString)
        {
            writer.Line("writer.WriteNumber((long)value);");
            return;
        }
        writer.Line("switch (value)");
        using (writer.Braces())
        {
            foreach (var member in type.EnumMembers.Where(m => m.Written))
            {
                var write = IsPlainJsonText(member.JsonName)
                    ? $"writer.WriteRaw({Utf8("\"" + member.JsonName + "\"")});"
                    : $"writer.WriteString({Literal(member.JsonName)});";
                writer.Line($"case {type.Type}.{member.ClrName}: {write} return;");
            }
            // A value that names no member (flags, casts) is written as its number, as System.Text.Json does.
            writer.Line("default: writer.WriteNumber((long)value); return;");
        }
    }
}
