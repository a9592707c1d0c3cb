using Microsoft.CodeAnalysis.Text;

namespace Impulse.Generators.Tests.Analyzers;

/// <summary>One expected diagnostic: its id and the span it covers in the unmarked source.</summary>
internal readonly record struct ExpectedDiagnostic(string Id, TextSpan Span);

/// <summary>
/// Source with <c>{|IMP0001:text|}</c> markup, the convention of Roslyn's analyzer tests: the markup
/// is removed and each marked span becomes an expected diagnostic. Spans may nest.
/// </summary>
internal sealed class TestMarkup
{
    private const string Open = "{|";
    private const string Close = "|}";

    private TestMarkup(string source, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Source = source;
        Expected = expected;
    }

    public string Source { get; }
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    public static TestMarkup Parse(string marked)
    {
        var source = new System.Text.StringBuilder(marked.Length);
        var open = new Stack<(string Id, int Start)>();
        var expected = new List<ExpectedDiagnostic>();
        var i = 0;
        while (i < marked.Length)
        {
            if (string.CompareOrdinal(marked, i, Open, 0, Open.Length) == 0)
            {
                var colon = marked.IndexOf(':', i);
                Assert.True(colon > i, $"Markup '{{|' at {i} has no ':' after its id.");
                open.Push((marked[(i + Open.Length)..colon], source.Length));
                i = colon + 1;
            }
            else if (string.CompareOrdinal(marked, i, Close, 0, Close.Length) == 0 && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add(new ExpectedDiagnostic(id, TextSpan.FromBounds(start, source.Length)));
                i += Close.Length;
            }
            else
            {
                source.Append(marked[i]);
                i++;
            }
        }
        Assert.True(open.Count == 0, $"Markup for {string.Join(", ", open.Select(o => o.Id))} is not closed.");
        return new TestMarkup(source.ToString(), expected);
    }
}
