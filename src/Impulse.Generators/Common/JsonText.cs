using System.Globalization;
using System.Text;

namespace Impulse.Generators;

/// <summary>
/// A minimal JSON writer for the manifests the generator embeds. Analyzers cannot rely on
/// System.Text.Json being loadable in every compiler host, and the output here is small and flat.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new();
    private bool _needsComma;

    public JsonText StartObject() => Open('{');
    public JsonText EndObject() => Close('}');
    public JsonText StartArray() => Open('[');
    public JsonText EndArray() => Close(']');

    public JsonText StartObject(string name) => Name(name).Open('{');
    public JsonText StartArray(string name) => Name(name).Open('[');

    public JsonText Property(string name, string? value) => value is null ? this : Name(name).Value(value);
    public JsonText Property(string name, int value) => Name(name).Raw(value.ToString(CultureInfo.InvariantCulture));
    public JsonText Property(string name, bool value) => Name(name).Raw(value ? "true" : "false");

    /// <summary>Writes a property whose value is already JSON text.</summary>
    public JsonText RawProperty(string name, string json) => Name(name).Raw(json);

    /// <summary>Writes a value that is already JSON text.</summary>
    public JsonText RawValue(string json) => Raw(json);

    public JsonText Value(string value)
    {
        Separate();
        Escape(value);
        _needsComma = true;
        return this;
    }

    public override string ToString() => _text.ToString();

    private JsonText Name(string name)
    {
        Separate();
        Escape(name);
        _text.Append(':');
        _needsComma = false;
        return this;
    }

    private JsonText Raw(string token)
    {
        Separate();
        _text.Append(token);
        _needsComma = true;
        return this;
    }

    private JsonText Open(char brace)
    {
        Separate();
        _text.Append(brace);
        _needsComma = false;
        return this;
    }

    private JsonText Close(char brace)
    {
        _text.Append(brace);
        _needsComma = true;
        return this;
    }

    private void Separate()
    {
        if (_needsComma)
            _text.Append(',');
    }

    private void Escape(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        _text.Append(c);
                    break;
            }
        }
        _text.Append('"');
    }
}
