using System.Runtime.CompilerServices;

namespace Impulse.Runtime;

/// <summary>Body reading: by Content-Length, chunked (extensions and trailers accepted), or until close.</summary>
internal sealed partial class HttpResponseReader
{
    private const string InBody = "the response body";

    /// <summary>Reads the body <paramref name="head"/> announces into <paramref name="target"/>, replacing its contents.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ReadBodyAsync(ResponseHead head, PooledBuffer target, int maxBytes, CancellationToken cancel)
    {
        target.Length = 0;
        switch (head.Framing)
        {
            case BodyFraming.ContentLength:
                // Refused before reading, so a lying or hostile length never makes us allocate it.
                if (head.ContentLength > maxBytes)
                    throw TooLarge(head.ContentLength, maxBytes);
                await ReadExactlyAsync(target, (int)head.ContentLength, cancel);
                break;
            case BodyFraming.Chunked:
                await ReadChunkedAsync(target, maxBytes, cancel);
                break;
            case BodyFraming.UntilClose:
                await ReadUntilCloseAsync(target, maxBytes, cancel);
                break;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadChunkedAsync(PooledBuffer target, int maxBytes, CancellationToken cancel)
    {
        while (true)
        {
            var length = await FillLineAsync(MaxHeaderBytes, "a chunk size line", cancel);
            var size = ParseChunkSize(_buffer.AsSpan(_start, length), maxBytes);
            Consume(length + 2);
            if (size == 0)
                break;
            if (size > maxBytes - target.Length)
                throw TooLarge((long)target.Length + size, maxBytes);
            await ReadExactlyAsync(target, size, cancel);

            await FillAsync(2, cancel);
            if (_buffer[_start] != (byte)'\r' || _buffer[_start + 1] != (byte)'\n')
                throw Malformed("chunk data is not followed by CRLF");
            Consume(2);
        }

        // Trailer fields carry nothing the Runtime API client needs, but each must still be a field line.
        var budget = MaxHeaderBytes;
        while (true)
        {
            var length = await FillLineAsync(budget, "the trailer section", cancel);
            budget -= length + 2;
            if (length == 0)
            {
                Consume(2);
                return;
            }
            var line = _buffer.AsSpan(_start, length);
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[..colon].ContainsAnyExcept(TokenChars) || line[(colon + 1)..].ContainsAny(ControlChars))
                throw Malformed($"a trailer line is not 'name: value': '{Printable(line)}'");
            Consume(length + 2);
        }
    }

    private static int ParseChunkSize(ReadOnlySpan<byte> line, int maxBytes)
    {
        // chunk-size [ BWS ";" chunk-ext ]: the size is 1*HEXDIG; extensions are checked for stray
        // control characters and otherwise ignored.
        var digits = line.IndexOfAnyExcept("0123456789abcdefABCDEF"u8);
        if (digits < 0)
            digits = line.Length;
        if (digits == 0)
            throw Malformed($"a chunk size is not hexadecimal: '{Printable(line)}'");

        long size = 0;
        foreach (var digit in line[..digits])
        {
            size = size * 16 + HexValue(digit);
            if (size > maxBytes)
                throw Malformed($"a chunk size exceeds the {maxBytes}-byte body limit: '{Printable(line)}'");
        }

        var rest = line[digits..].TrimStart(" \t"u8);
        if (!rest.IsEmpty && (rest[0] != (byte)';' || rest.ContainsAny(ControlChars)))
            throw Malformed($"a chunk size line has trailing garbage: '{Printable(line)}'");
        return (int)size;
    }

    private static int HexValue(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        _ => digit - 'A' + 10,
    };

    /// <summary>Appends exactly <paramref name="count"/> body bytes, from the buffer first, then straight from the socket.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadExactlyAsync(PooledBuffer target, int count, CancellationToken cancel)
    {
        target.EnsureCapacity(target.Length + count);
        var buffered = Math.Min(count, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(target.Array.AsSpan(target.Length));
        target.Length += buffered;
        Consume(buffered);

        // Receiving into the target skips a copy and never reads past the body, so nothing of the
        // next message can land there.
        var remaining = count - buffered;
        _reading = InBody;
        while (remaining > 0)
        {
            var received = await ReceiveFromSocketAsync(target.Array.AsMemory(target.Length, remaining), cancel);
            if (received == 0)
                throw ClosedDuring(InBody);
            target.Length += received;
            BytesReceived += received;
            remaining -= received;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync(int count, CancellationToken cancel)
    {
        while (_end - _start < count)
            await ReceiveAsync(count, InBody, cancel);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ReadUntilCloseAsync(PooledBuffer target, int maxBytes, CancellationToken cancel)
    {
        var buffered = _end - _start;
        if (buffered > maxBytes)
            throw TooLarge(buffered, maxBytes);
        target.EnsureCapacity(buffered);
        _buffer.AsSpan(_start, buffered).CopyTo(target.Array);
        target.Length = buffered;
        Consume(buffered);

        _reading = InBody;
        while (true)
        {
            // One byte past the limit is enough to know the body is too large.
            target.EnsureCapacity((int)Math.Min((long)target.Length + 64 * 1024, (long)maxBytes + 1));
            var room = target.Array.AsMemory(target.Length, Math.Min(target.Array.Length, maxBytes + 1) - target.Length);
            var received = await ReceiveFromSocketAsync(room, cancel);
            if (received == 0)
                return;
            target.Length += received;
            BytesReceived += received;
            if (target.Length > maxBytes)
                throw TooLarge(target.Length, maxBytes);
        }
    }

    private static RuntimeApiException TooLarge(long length, int maxBytes) =>
        new(0, $"The Runtime API sent a response body of {length} bytes, over the {maxBytes}-byte limit.");
}
