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
                JsonWriterEmitter.EmitEncodedNames(writer, type);
            foreach (var type in types)
            {
                writer.Line();
                readers.Emit(writer, type);
                writer.Line();
                writers.Emit(writer, type);
                Accessors.Emit(writer, type);
            }
            Accessors.EmitGeneric(writer, types);
        }
        writer.CloseBrace();
        return writer.ToString();
    }
}
