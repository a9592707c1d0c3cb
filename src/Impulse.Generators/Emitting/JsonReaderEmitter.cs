using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;
using static Impulse.Generators.Emitting.JsonNames;

namespace Impulse.Generators.Emitting;

/// <summary>
/// Emits one <c>Utf8JsonReader</c> method per type. Objects match property names by length and then
/// bytes, skip unknown properties, and set only what was present; every failure gains its property
/// name or index as it leaves a method, so errors name the full JSON path at no cost to success.
/// </summary>
internal sealed class JsonReaderEmitter(IReadOnlyDictionary<string, JsonTypeModel> types, JsonOptionsModel options)
{
    public void Emit(SourceWriter writer, JsonTypeModel type)
    {
        writer.Line($"/// <summary>Reads {Escape(type.DisplayName)} at the reader's current token.</summary>");
        writer.Line($"public static {type.Type} {ReadMethod(type.Id)}(ref {Reader} reader)");
        if (HasRepeatedText(type))
        {
            // Read alone, a record has nothing to repeat: it starts with empty slots. A list passes its own.
            using (writer.Braces())
            {
                writer.Line($"var recent = default({RepeatedText});");
                writer.Line($"return {ReadMethod(type.Id)}(ref reader, ref recent);");
            }
            writer.Line($"/// <summary>Reads {Escape(type.DisplayName)}, reusing the strings of the record before it in <paramref name=\"recent\"/> where they repeat.</summary>");
            writer.Line($"public static {type.Type} {ReadMethod(type.Id)}(ref {Reader} reader, ref {RepeatedText} recent)");
        }
        using (writer.Braces())
        {
            switch (type.Kind)
            {
                case JsonTypeKind.Object: EmitObject(writer, type); break;
                case JsonTypeKind.Array or JsonTypeKind.List: EmitList(writer, type); break;
                case JsonTypeKind.Dictionary: EmitDictionary(writer, type); break;
                case JsonTypeKind.Nullable:
                    writer.Line($"return reader.TokenType == {TokenType}.Null ? null : {ReadMethod(type.ElementId!)}(ref reader);");
                    break;
                case JsonTypeKind.Enum: EmitEnum(writer, type); break;
                default: writer.Line($"return {ScalarRead(type.Kind)};"); break;
            }
        }
    }

    /// <summary>A call that reads a value of the type; scalars inline, to spare a call per property.</summary>
    private string ReadExpression(string typeId)
    {
        var type = types[typeId];
        return IsScalar(type.Kind) ? ScalarRead(type.Kind) : $"{ReadMethod(typeId)}(ref reader)";
    }

    internal static bool IsScalar(JsonTypeKind kind) =>
        kind is not (JsonTypeKind.Object or JsonTypeKind.Array or JsonTypeKind.List or JsonTypeKind.Dictionary or JsonTypeKind.Nullable or JsonTypeKind.Enum);

    private static string ScalarRead(JsonTypeKind kind) => kind switch
    {
        // The common case inline: a string token read straight; anything else (null, a wrong token, bad text) goes through the checked path.
        JsonTypeKind.String => $"(reader.TokenType == {TokenType}.String && !reader.ValueIsEscaped && !reader.HasValueSequence ? {Read}.Plain(reader.ValueSpan) ?? reader.GetString()! : {Read}.String(ref reader)!)",
        JsonTypeKind.Int32 => $"(reader.TokenType == {TokenType}.Number && reader.TryGetInt32(out var int32) ? int32 : {Read}.Int32(ref reader))",
        JsonTypeKind.Int64 => $"(reader.TokenType == {TokenType}.Number && reader.TryGetInt64(out var int64) ? int64 : {Read}.Int64(ref reader))",
        JsonTypeKind.Boolean => $"(reader.TokenType == {TokenType}.True || ({TokenType}.False == reader.TokenType ? false : {Read}.Boolean(ref reader)))",
        JsonTypeKind.Bytes => $"(reader.TokenType == {TokenType}.String && reader.TryGetBytesFromBase64(out var bytes) ? bytes : {Read}.Bytes(ref reader)!)",
        JsonTypeKind.JsonElement => $"{Read}.Element(ref reader)",
        _ => $"{Read}.{kind}(ref reader)",
    };

    private const string RepeatedText = "global::Impulse.Serialization.JsonRepeatedText";

    /// <summary>The slot a property's last string is kept in by a list of its type, or -1 when it is read anew each time.</summary>
    private static int RepeatedSlot(IReadOnlyList<JsonPropertyModel> properties, int index)
    {
        if (!properties[index].RepeatsInBatch)
            return -1;
        var slot = properties.Take(index).Count(p => p.RepeatsInBatch);
        return slot < RepeatedSlots ? slot : -1;
    }

    /// <summary>As many as <c>JsonRepeatedText.Slots</c> in the runtime library.</summary>
    private const int RepeatedSlots = 4;

    private static bool HasRepeatedText(JsonTypeModel type) =>
        type.Kind == JsonTypeKind.Object && type.Properties.Any(p => p.RepeatsInBatch && p.Setter != JsonSetter.None);

    private void EmitObject(SourceWriter writer, JsonTypeModel type)
    {
        if (!type.IsValueType)
            writer.Line($"if (reader.TokenType == {TokenType}.Null) return null!;");
        writer.Line($"{Read}.StartObject(ref reader, {Literal(type.DisplayName)});");

        var properties = type.Properties.Where(p => p.Setter != JsonSetter.None).ToList();
        for (var i = 0; i < properties.Count; i++)
        {
            writer.Line($"{properties[i].Type} p{i} = default!;");
            writer.Line($"bool has{i} = false;");
        }
        writer.Line("string? property = null;");
        writer.Line("try");
        using (writer.Braces())
        {
            writer.Line($"while (reader.Read() && reader.TokenType == {TokenType}.PropertyName)");
            using (writer.Braces())
            {
                writer.Line("global::System.ReadOnlySpan<byte> name = reader.ValueIsEscaped ? " + Read + "Names.Unescape(ref reader) : reader.ValueSpan;");
                writer.Line("reader.Read();");
                EmitPropertySwitch(writer, properties);
                // Only a name that matched nothing can hold bytes that are not UTF-8; it is checked before being skipped.
                writer.Line($"if (!global::System.Text.Unicode.Utf8.IsValid(name)) throw {Read}.InvalidName();");
                writer.Line("reader.Skip();");
            }
            writer.Line($"if (reader.TokenType != {TokenType}.EndObject) throw new {JsonException}(\"The object is not closed.\");");
        }
        writer.Line($"catch ({ReadError} e) when (property is not null) {{ throw e.InProperty(property); }}");
        writer.Line($"catch ({JsonException} e) {{ var error = {Read}.Malformed(e); throw property is null ? error : error.InProperty(property); }}");
        writer.Line($"catch (global::System.InvalidOperationException e) {{ var error = {Read}.InvalidText(e); throw property is null ? error : error.InProperty(property); }}");

        for (var i = 0; i < properties.Count; i++)
        {
            if (properties[i].Required)
                writer.Line($"if (!has{i}) throw {Read}.Missing({Literal(properties[i].JsonName)}, {Literal(type.DisplayName)});");
        }
        EmitConstruction(writer, type, properties);
    }

    private void EmitPropertySwitch(SourceWriter writer, List<JsonPropertyModel> properties)
    {
        if (properties.Count == 0)
            return;
        writer.Line("switch (name.Length)");
        using (writer.Braces())
        {
            foreach (var group in properties.Select((p, i) => (Property: p, Index: i)).GroupBy(p => Utf8Length(p.Property.JsonName)).OrderBy(g => g.Key))
            {
                writer.Line($"case {group.Key}:");
                writer.OpenBrace();
                foreach (var (property, index) in group)
                {
                    writer.Line($"if (global::System.MemoryExtensions.SequenceEqual(name, {Utf8(property.JsonName)}))");
                    EmitAssignment(writer, properties, index);
                }
                writer.Line("break;");
                writer.CloseBrace();
            }
        }
        if (options.CaseInsensitive)
        {
            // Only a miss on the exact names pays for the case-insensitive comparison.
            for (var i = 0; i < properties.Count; i++)
            {
                writer.Line($"if ({Read}Names.EqualsIgnoreCase(name, {Utf8(properties[i].JsonName)}))");
                EmitAssignment(writer, properties, i);
            }
        }
    }

    private void EmitAssignment(SourceWriter writer, List<JsonPropertyModel> properties, int index)
    {
        var property = properties[index];
        var slot = RepeatedSlot(properties, index);
        using (writer.Braces())
        {
            writer.Line($"property = {Literal(property.JsonName)};");
            writer.Line(slot >= 0
                ? $"p{index} = {RepeatedText}.Read(ref reader, ref recent[{slot}])!;"
                : $"p{index} = {ReadExpression(property.TypeId)};");
            if (property.RejectsNull)
                writer.Line($"if (p{index} is null) throw {Read}.NullNotAllowed({Literal(property.ClrName)});");
            writer.Line($"has{index} = true;");
            writer.Line("property = null;");
            writer.Line("continue;");
        }
    }

    private static void EmitConstruction(SourceWriter writer, JsonTypeModel type, List<JsonPropertyModel> properties)
    {
        var constructorArguments = properties
            .Select((p, i) => (Property: p, Index: i))
            .Where(p => p.Property.Setter == JsonSetter.Constructor)
            .OrderBy(p => p.Property.ConstructorIndex)
            .Select(p => p.Property.DefaultValue is { } fallback ? $"has{p.Index} ? p{p.Index} : {fallback}" : $"p{p.Index}");
        var initializers = properties
            .Select((p, i) => (Property: p, Index: i))
            .Where(p => p.Property.Setter == JsonSetter.Required)
            .Select(p => $"{p.Property.ClrName} = p{p.Index}")
            .ToList();
        var initializer = initializers.Count == 0 ? "" : " { " + string.Join(", ", initializers) + " }";
        writer.Line($"var value = new {type.Type}({string.Join(", ", constructorArguments)}){initializer};");
        for (var i = 0; i < properties.Count; i++)
        {
            var property = properties[i];
            if (property.Setter == JsonSetter.Set)
                writer.Line($"if (has{i}) value.{property.ClrName} = p{i};");
            else if (property.Setter == JsonSetter.Init)
                writer.Line($"if (has{i}) {Accessors.InitName(type, property)}(value, p{i});");
        }
        writer.Line("return value;");
    }

    private void EmitList(SourceWriter writer, JsonTypeModel type)
    {
        var element = types[type.ElementId!];
        writer.Line($"if (reader.TokenType == {TokenType}.Null) return null!;");
        writer.Line($"{Read}.StartArray(ref reader);");
        // Items gather on the stack and become one exact array; events are full of short and empty arrays.
        writer.Line($"var items = new global::Impulse.Serialization.JsonItems<{element.Type}>();");
        // Records of one batch share their source's strings: the list keeps the last of each for the next record.
        var repeats = HasRepeatedText(element);
        if (repeats)
            writer.Line($"var recent = default({RepeatedText});");
        writer.Line("try");
        using (writer.Braces())
        {
            writer.Line($"while (reader.Read() && reader.TokenType != {TokenType}.EndArray)");
            writer.Line(repeats
                ? $"    items.Add({ReadMethod(element.Id)}(ref reader, ref recent));"
                : $"    items.Add({ReadExpression(element.Id)});");
        }
        writer.Line($"catch ({ReadError} e) {{ throw e.AtIndex(items.Count); }}");
        writer.Line($"catch ({JsonException} e) {{ throw {Read}.Malformed(e).AtIndex(items.Count); }}");
        writer.Line($"catch (global::System.InvalidOperationException e) {{ throw {Read}.InvalidText(e).AtIndex(items.Count); }}");
        // A read-only view of an empty array can share one empty instance.
        if (type.Kind == JsonTypeKind.Array || IsReadOnlyView(type.Type))
            writer.Line($"return items.Count == 0 ? global::System.Array.Empty<{element.Type}>() : items.ToArray();");
        else
            writer.Line("return items.ToList();");
    }

    /// <summary>Interfaces a caller cannot add to: an empty array serves them all.</summary>
    private static bool IsReadOnlyView(string type) =>
        type.StartsWith("global::System.Collections.Generic.IReadOnlyList<", System.StringComparison.Ordinal)
        || type.StartsWith("global::System.Collections.Generic.IReadOnlyCollection<", System.StringComparison.Ordinal)
        || type.StartsWith("global::System.Collections.Generic.IEnumerable<", System.StringComparison.Ordinal);

    /// <summary>
    /// Per kind of dictionary, the keys last read at each position and the last size: keys repeat from
    /// record to record, and a dictionary made at its last size does not regrow while it fills.
    /// </summary>
    public static void EmitDictionaryState(SourceWriter writer, JsonTypeModel type)
    {
        if (type.Kind != JsonTypeKind.Dictionary)
            return;
        writer.Line($"private static readonly string?[] {KeyCache(type.Id)} = new string?[{Read}Names.CachedKeys];");
        writer.Line($"private static int {SizeHint(type.Id)};");
    }

    private void EmitDictionary(SourceWriter writer, JsonTypeModel type)
    {
        var element = types[type.ElementId!];
        writer.Line($"if (reader.TokenType == {TokenType}.Null) return null!;");
        writer.Line($"{Read}.StartObject(ref reader, {Literal(type.DisplayName)});");
        // A read-only view gets the lighter JsonMap; a declared Dictionary<,> gets one.
        var readOnly = IsReadOnlyDictionary(type.Type);
        var dictionary = $"global::System.Collections.Generic.Dictionary<string, {element.Type}>";
        var made = readOnly ? $"global::Impulse.Serialization.JsonMap<{element.Type}>" : dictionary;
        writer.Line($"{made}? items = null;");
        writer.Line("string? key = null;");
        writer.Line("try");
        using (writer.Braces())
        {
            writer.Line($"while (reader.Read() && reader.TokenType == {TokenType}.PropertyName)");
            using (writer.Braces())
            {
                writer.Line($"key = {Read}Names.Key(ref reader, {KeyCache(type.Id)}, items?.Count ?? 0);");
                writer.Line("reader.Read();");
                writer.Line(readOnly
                    ? $"(items ??= new {made}({SizeHint(type.Id)})).Set(key, {ReadExpression(element.Id)});"
                    : $"(items ??= new {made}({SizeHint(type.Id)}, global::System.StringComparer.Ordinal))[key] = {ReadExpression(element.Id)};");
                writer.Line("key = null;");
            }
        }
        writer.Line($"catch ({ReadError} e) when (key is not null) {{ throw e.InProperty(key); }}");
        writer.Line($"catch ({JsonException} e) {{ var error = {Read}.Malformed(e); throw key is null ? error : error.InProperty(key); }}");
        writer.Line($"catch (global::System.InvalidOperationException e) {{ var error = {Read}.InvalidText(e); throw key is null ? error : error.InProperty(key); }}");
        writer.Line("if (items is null)");
        // An empty read-only dictionary is shared, as empty read-only lists are.
        writer.Line(readOnly
            ? $"    return global::System.Collections.ObjectModel.ReadOnlyDictionary<string, {element.Type}>.Empty;"
            : $"    return new {dictionary}(global::System.StringComparer.Ordinal);");
        // A hint only: a race between threads leaves one of their sizes, either of which is fine.
        writer.Line($"{SizeHint(type.Id)} = global::System.Math.Min(items.Count, {MaxSizeHint});");
        writer.Line("return items;");
    }

    internal static bool IsReadOnlyDictionary(string type) =>
        type.StartsWith("global::System.Collections.Generic.IReadOnlyDictionary<", System.StringComparison.Ordinal);

    private const int MaxSizeHint = 64;

    private static void EmitEnum(SourceWriter writer, JsonTypeModel type)
    {
        writer.Line($"if (reader.TokenType == {TokenType}.Number) return ({type.Type}){Read}.Int64(ref reader);");
        writer.Line($"if (reader.TokenType != {TokenType}.String) throw {Read}.Expected(\"a name or number of {Escape(type.DisplayName)}\", ref reader);");
        foreach (var member in type.EnumMembers)
            writer.Line($"if (reader.ValueTextEquals({Utf8(member.JsonName)})) return {type.Type}.{member.ClrName};");
        writer.Line($"throw {Read}.UnknownEnum(ref reader, {Literal(type.DisplayName)});");
    }

    private static string Escape(string text) => text.Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "'");
}
