using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Impulse.Generators;

/// <summary>The kinds of JSON value <see cref="JsonTree"/> distinguishes.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// A parsed JSON value, for the small documents users write into attributes (an IAM condition). The
/// generator cannot count on System.Text.Json loading in every compiler host, so it parses these itself.
/// </summary>
internal sealed class JsonTree
{
    private JsonTree(JsonKind kind, string text, List<KeyValuePair<string, JsonTree>>? properties = null, List<JsonTree>? items = null)
    {
        Kind = kind;
        Text = text;
        Properties = properties ?? new List<KeyValuePair<string, JsonTree>>();
        Items = items ?? new List<JsonTree>();
    }

    public JsonKind Kind { get; }

    /// <summary>A string's value, a number's text; empty for other kinds.</summary>
    public string Text { get; }

    /// <summary>An object's properties, in document order.</summary>
    public List<KeyValuePair<string, JsonTree>> Properties { get; }

    /// <summary>An array's items.</summary>
    public List<JsonTree> Items { get; }

    public bool IsPrimitive => Kind is JsonKind.String or JsonKind.Number or JsonKind.True or JsonKind.False;

    /// <summary>Parses <paramref name="json"/>, or returns null with <paramref name="error"/> saying where and what is wrong.</summary>
    public static JsonTree? Parse(string json, out string? error)
    {
        var reader = new Reader(json);
        try
        {
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
                throw reader.Fail("text after the end of the value");
            error = null;
            return value;
        }
        catch (JsonTreeException exception)
        {
            error = exception.Message;
            return null;
        }
    }

    /// <summary>Compact JSON text of this value, so that equal documents written differently compare equal.</summary>
    public string ToCompactJson()
    {
        var text = new JsonText();
        Write(text);
        return text.ToString();
    }

    private void Write(JsonText text)
    {
        switch (Kind)
        {
            case JsonKind.Object:
                text.StartObject();
                foreach (var property in Properties)
                {
                    text.RawProperty(property.Key, property.Value.ToCompactJson());
                }
                text.EndObject();
                break;
            case JsonKind.Array:
                text.StartArray();
                foreach (var item in Items)
                    text.RawValue(item.ToCompactJson());
                text.EndArray();
                break;
            case JsonKind.String: text.Value(Text); break;
            case JsonKind.Number: text.RawValue(Text); break;
            case JsonKind.True: text.RawValue("true"); break;
            case JsonKind.False: text.RawValue("false"); break;
            default: text.RawValue("null"); break;
        }
    }

    private sealed class JsonTreeException(string message) : System.Exception(message);

    private sealed class Reader(string json)
    {
        // Deeper documents are not IAM conditions; the limit keeps a hostile attribute from overflowing the stack.
        private const int MaxDepth = 32;
        private int _position;

        public bool AtEnd => _position >= json.Length;

        public JsonTree ReadValue(int depth)
        {
            if (depth > MaxDepth)
                throw Fail("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            SkipWhitespace();
            if (AtEnd)
                throw Fail("the text ends where a value was expected");
            var c = json[_position];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return new JsonTree(JsonKind.String, ReadString());
                case 't': ReadWord("true"); return new JsonTree(JsonKind.True, string.Empty);
                case 'f': ReadWord("false"); return new JsonTree(JsonKind.False, string.Empty);
                case 'n': ReadWord("null"); return new JsonTree(JsonKind.Null, string.Empty);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                        return new JsonTree(JsonKind.Number, ReadNumber());
                    throw Fail($"unexpected '{c}'");
            }
        }

        private JsonTree ReadObject(int depth)
        {
            _position++;
            var properties = new List<KeyValuePair<string, JsonTree>>();
            SkipWhitespace();
            if (TryConsume('}'))
                return new JsonTree(JsonKind.Object, string.Empty, properties);
            while (true)
            {
                SkipWhitespace();
                if (AtEnd || json[_position] != '"')
                    throw Fail("expected a property name in double quotes");
                var name = ReadString();
                SkipWhitespace();
                if (!TryConsume(':'))
                    throw Fail($"expected ':' after the property name \"{name}\"");
                properties.Add(new KeyValuePair<string, JsonTree>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                if (TryConsume('}'))
                    return new JsonTree(JsonKind.Object, string.Empty, properties);
                if (!TryConsume(','))
                    throw Fail("expected ',' or '}' in an object");
            }
        }

        private JsonTree ReadArray(int depth)
        {
            _position++;
            var items = new List<JsonTree>();
            SkipWhitespace();
            if (TryConsume(']'))
                return new JsonTree(JsonKind.Array, string.Empty, items: items);
            while (true)
            {
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (TryConsume(']'))
                    return new JsonTree(JsonKind.Array, string.Empty, items: items);
                if (!TryConsume(','))
                    throw Fail("expected ',' or ']' in an array");
            }
        }

        private string ReadString()
        {
            _position++;
            var value = new StringBuilder();
            while (!AtEnd)
            {
                var c = json[_position++];
                if (c == '"')
                    return value.ToString();
                if (c < 0x20)
                    throw Fail("a control character inside a string");
                if (c != '\\')
                {
                    value.Append(c);
                    continue;
                }
                if (AtEnd)
                    break;
                var escape = json[_position++];
                switch (escape)
                {
                    case '"': value.Append('"'); break;
                    case '\\': value.Append('\\'); break;
                    case '/': value.Append('/'); break;
                    case 'b': value.Append('\b'); break;
                    case 'f': value.Append('\f'); break;
                    case 'n': value.Append('\n'); break;
                    case 'r': value.Append('\r'); break;
                    case 't': value.Append('\t'); break;
                    case 'u' when _position + 4 <= json.Length
                        && int.TryParse(json.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                        value.Append((char)code);
                        _position += 4;
                        break;
                    default: throw Fail($"the escape '\\{escape}' is not valid");
                }
            }
            throw Fail("a string is not closed");
        }

        private string ReadNumber()
        {
            var start = _position;
            TryConsume('-');
            if (TryConsume('0'))
            {
                if (!AtEnd && json[_position] >= '0' && json[_position] <= '9')
                    throw Fail("a number may not have leading zeros");
            }
            else if (!ReadDigits())
            {
                throw Fail("a number needs digits");
            }
            if (TryConsume('.') && !ReadDigits())
                throw Fail("a number needs digits after '.'");
            if (TryConsume('e') || TryConsume('E'))
            {
                if (!TryConsume('+'))
                    TryConsume('-');
                if (!ReadDigits())
                    throw Fail("a number needs digits in its exponent");
            }
            return json.Substring(start, _position - start);
        }

        private bool ReadDigits()
        {
            var start = _position;
            while (!AtEnd && json[_position] >= '0' && json[_position] <= '9')
                _position++;
            return _position > start;
        }

        private void ReadWord(string word)
        {
            if (string.CompareOrdinal(json, _position, word, 0, word.Length) != 0)
                throw Fail($"unexpected '{json[_position]}'");
            _position += word.Length;
        }

        private bool TryConsume(char c)
        {
            if (AtEnd || json[_position] != c)
                return false;
            _position++;
            return true;
        }

        public void SkipWhitespace()
        {
            while (!AtEnd && json[_position] is ' ' or '\t' or '\r' or '\n')
                _position++;
        }

        public JsonTreeException Fail(string what) =>
            new($"{what} at character {(_position + 1).ToString(CultureInfo.InvariantCulture)}");
    }
}
