using System.Buffers;

namespace Impulse.Runtime;

/// <summary>
/// A growable byte buffer rented from the shared pool and kept across requests, so reading the
/// same size of body again allocates nothing.
/// </summary>
internal sealed class PooledBuffer : IDisposable
{
    private byte[] _array;

    public PooledBuffer(int initialCapacity) => _array = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>How many bytes at the start of <see cref="Array"/> hold data.</summary>
    public int Length { get; set; }

    public byte[] Array => _array;

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    /// <summary>Makes room for <paramref name="capacity"/> bytes in all, keeping what was written.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity > _array.Length)
            Grow(capacity);
    }

    private void Grow(int capacity)
    {
        // Doubling keeps a body that arrives in many chunks from copying itself once per chunk.
        var target = Math.Max(capacity, (int)Math.Min(2L * _array.Length, System.Array.MaxLength));
        var bigger = ArrayPool<byte>.Shared.Rent(target);
        _array.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = bigger;
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
            ArrayPool<byte>.Shared.Return(array);
    }
}
