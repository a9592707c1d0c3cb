using System.Collections;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace Impulse.Serialization;

/// <summary>
/// The read-only dictionary generated readers make for <see cref="IReadOnlyDictionary{TKey, TValue}"/>
/// members: its entries in one array, in the order they were read, searched in order while there are
/// few and through an index once there are more. Maps in events are small (attributes, headers, an
/// item's fields), where this is one array instead of a dictionary's buckets and entries, and no hashing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonMap<TValue> : IReadOnlyDictionary<string, TValue>
{
    private const int SearchedInOrder = 8;

    private KeyValuePair<string, TValue>[] _entries;
    private int _count;
    private Dictionary<string, int>? _index;

    /// <summary>An empty map with room for <paramref name="capacity"/> entries.</summary>
    public JsonMap(int capacity) => _entries = new KeyValuePair<string, TValue>[Math.Max(capacity, 1)];

    /// <summary>
    /// Sets <paramref name="key"/> to <paramref name="value"/> while reading. A repeated key keeps its first
    /// place and takes the last value, as a dictionary's indexer does, so the last one in the JSON wins.
    /// </summary>
    public void Set(string key, TValue value)
    {
        var found = IndexOf(key);
        if (found >= 0)
        {
            _entries[found] = new(_entries[found].Key, value);
            return;
        }
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _count * 2);
        _entries[_count] = new(key, value);
        _index?.Add(key, _count);
        _count++;
        if (_index is null && _count > SearchedInOrder)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
                _index.Add(_entries[i].Key, i);
        }
    }

    /// <summary>The entries in the order they were read, for generated writers to enumerate without allocating.</summary>
    public ReadOnlySpan<KeyValuePair<string, TValue>> Entries => _entries.AsSpan(0, _count);

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public TValue this[string key] =>
        IndexOf(key) is var found and >= 0 ? _entries[found].Value : throw new KeyNotFoundException($"The key '{key}' is not in the map.");

    /// <inheritdoc/>
    public IEnumerable<string> Keys => _entries.Take(_count).Select(e => e.Key);

    /// <inheritdoc/>
    public IEnumerable<TValue> Values => _entries.Take(_count).Select(e => e.Value);

    /// <inheritdoc/>
    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        var found = IndexOf(key);
        value = found >= 0 ? _entries[found].Value : default;
        return found >= 0;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
            yield return _entries[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
            return _index.TryGetValue(key, out var indexed) ? indexed : -1;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                return i;
        }
        return -1;
    }
}
