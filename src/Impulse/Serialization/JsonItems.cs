using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Impulse.Serialization;

/// <summary>
/// Collects the items of a JSON array for a generated reader: the first eight on the stack, more in a
/// list. Most arrays in events are short, so the result is usually one allocation of the exact size,
/// where a growing <see cref="List{T}"/> costs the list, its first array and any regrowth.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonItems<T>
{
    private const int InlineLength = 8;

    private Inline _inline;
    private List<T>? _spilled;
    private int _count;

    /// <summary>How many items were added: the index of the next one, for error paths.</summary>
    public readonly int Count => _count;

    /// <summary>Adds an item.</summary>
    public void Add(T item)
    {
        if (_count < InlineLength)
            _inline[_count] = item;
        else
            Spill().Add(item);
        _count++;
    }

    /// <summary>The items as an array of their exact number.</summary>
    public readonly T[] ToArray() =>
        _spilled?.ToArray() ?? ((ReadOnlySpan<T>)_inline)[.._count].ToArray();

    /// <summary>The items as a list.</summary>
    public readonly List<T> ToList()
    {
        if (_spilled is not null)
            return _spilled;
        var list = new List<T>(_count);
        list.AddRange(((ReadOnlySpan<T>)_inline)[.._count]);
        return list;
    }

    private List<T> Spill()
    {
        if (_spilled is null)
        {
            _spilled = new List<T>(InlineLength * 2);
            _spilled.AddRange((ReadOnlySpan<T>)_inline);
        }
        return _spilled;
    }

    [InlineArray(InlineLength)]
    private struct Inline
    {
        private T _item;
    }
}
