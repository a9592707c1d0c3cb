using System;
using System.Text;

namespace Impulse.Generators;

/// <summary>An indented text writer over a <see cref="StringBuilder"/>; generated files are built with it.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (var i = 0; i < _indent; i++)
                _text.Append(IndentUnit);
            _text.Append(line);
        }
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes a multi-line block (a raw string literal, say) at the current indentation.</summary>
    public SourceWriter Block(string block)
    {
        foreach (var line in block.Replace("\r\n", "\n").Split('\n'))
            Line(line);
        return this;
    }

    public SourceWriter OpenBrace()
    {
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter CloseBrace(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public IDisposable Braces()
    {
        OpenBrace();
        return new Closer(this);
    }

    public override string ToString() => _text.ToString();

    private sealed class Closer(SourceWriter writer) : IDisposable
    {
        public void Dispose() => writer.CloseBrace();
    }
}
