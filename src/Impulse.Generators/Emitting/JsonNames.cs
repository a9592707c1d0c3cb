using System.Globalization;
using System.Text;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace Impulse.Generators.Emitting;

/// <summary>Names and literals the JSON emitters share.</summary>
internal static class JsonNames
{
    public const string Class = "ImpulseJson";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Output = "global::Impulse.Serialization.JsonOutput";
    public const string TokenType = "global::System.Text.Json.JsonTokenType";
    public const string Read = "global::Impulse.Serialization.JsonRead";
    public const string ReadError = "global::Impulse.Serialization.JsonReadError";
    public const string JsonException = "global::System.Text.Json.JsonException";

    public static string ReadMethod(string id) => "Read_" + id;
    public static string WriteMethod(string id) => "Write_" + id;
    public static string QualifiedRead(string id) => $"global::{GeneratedNames.Namespace}.{Class}.{ReadMethod(id)}";
    public static string QualifiedWrite(string id) => $"global::{GeneratedNames.Namespace}.{Class}.{WriteMethod(id)}";

    /// <summary>The name as a UTF-8 literal, to compare against the reader's bytes.</summary>
    public static string Utf8(string text) => SymbolDisplay.FormatLiteral(text, quote: true) + "u8";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>
    /// Whether <c>Utf8JsonWriter</c>'s default encoder writes the text as is: printable ASCII other than
    /// the HTML-sensitive <c>" &amp; ' + &lt; &gt; `</c> and the backslash. Such text can be a literal.
    /// </summary>
    public static bool IsPlainJsonText(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c > '~' || c is '"' or '&' or '\'' or '+' or '<' or '>' or '`' or '\\')
                return false;
        }
        return true;
    }

    /// <summary>The static field holding a pre-encoded property name for the writer.</summary>
    public static string EncodedName(JsonTypeModel type, int index) =>
        "s_" + type.Id + "_" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The static field holding the keys a dictionary reader last read, by position.</summary>
    public static string KeyCache(string id) => "s_keys_" + id;

    /// <summary>The static field holding the size of the dictionary a reader last made.</summary>
    public static string SizeHint(string id) => "s_size_" + id;

    /// <summary>Reference-type values may be JSON null; value types only through Nullable.</summary>
    public static bool AcceptsNull(JsonTypeModel type) => !type.IsValueType || type.Kind == JsonTypeKind.Nullable;
}
