using System.Linq;
using Impulse.Generators.Model;

namespace Impulse.Generators.Emitting;

/// <summary>Emits the app's JSON readers and writers: one class, a read and a write method per type.</summary>
internal static class JsonEmitter
{
    public static string Emit(EquatableArray<JsonTypeModel> types, JsonOptionsModel options)
    {
        var byId = types.ToDictionary(t => t.Id, t => t, System.StringComparer.Ordinal);
        var readers = new JsonReaderEmitter(byId, options);
        var writers = new JsonWriterEmitter(byId);

        var writer = new SourceWriter();
        writer.Block(GeneratedNames.Header);
        // Members a user marked obsolete are still read and written, as System.Text.Json does.
        writer.Line("#pragma warning disable CS0612, CS0618");
        writer.Line();
        writer.Line($"namespace {GeneratedNames.Namespace}").OpenBrace();
        writer.Line("/// <summary>Readers and writers for the app's event and result types, generated at build time.</summary>");
        writer.Line(GeneratedNames.GeneratedCode);
        writer.Line($"internal static class {JsonNames.Class}");
        using (writer.Braces())
        {
            foreach (var type in types)
            {
                JsonWriterEmitter.EmitEncodedNames(writer, type);
                JsonReaderEmitter.EmitDictionaryState(writer, type);
            }
            foreach (var type in types)
            {
                writer.Line();
                readers.Emit(writer, type);
                writer.Line();
                writers.Emit(writer, type);
                Accessors.Emit(writer, type);
            }
            Accessors.EmitGeneric(writer, types);
            EmitToJson(writer, types);
        }
        writer.CloseBrace();
        return writer.ToString();
    }

    /// <summary>
    /// <c>ToJson(value)</c> for each object type, so app code that sends a message or stores a document
    /// writes it exactly as the functions read it, with no serializer of its own.
    /// </summary>
    private static void EmitToJson(SourceWriter writer, EquatableArray<JsonTypeModel> types)
    {
        foreach (var type in types.Where(t => t.Kind == JsonTypeKind.Object))
        {
            writer.Line();
            writer.Line($"/// <summary>Writes a {type.DisplayName.Replace("<", "&lt;").Replace(">", "&gt;")} as JSON text, as the app's functions read it.</summary>");
            writer.Line($"public static string ToJson({type.Type} value)");
            using (writer.Braces())
            {
                writer.Line("var buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);");
                writer.Line($"global::Impulse.Dispatch.FunctionJson.WriteWith<{type.Type}>(buffer, value, {JsonNames.WriteMethod(type.Id)});");
                writer.Line("return global::System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);");
            }
        }
    }
}
