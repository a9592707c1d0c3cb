namespace Impulse.Hosting.Execution;

/// <summary>
/// The host's log output (standard output by default), shared by every invocation. Each invocation has a sink of
/// its own, so the lock that keeps concurrent lines whole lives here rather than in a sink.
/// </summary>
internal sealed class SharedLogOutput(Stream output)
{
    private readonly Lock _gate = new();

    public void Write(ReadOnlySpan<byte> lines)
    {
        lock (_gate)
        {
            output.Write(lines);
            output.Flush();
        }
    }
}

/// <summary>
/// One invocation's log: forwards whole lines to the shared output and keeps the last
/// <see cref="TailBytes"/> bytes, which <c>X-Amz-Log-Type: Tail</c> returns. A <see cref="LogSink"/> writes a line,
/// then a newline, then flushes, so a flush is where a line is complete.
/// </summary>
internal sealed class InvocationLogStream(SharedLogOutput shared) : Stream
{
    /// <summary>How much of its log the Invoke API returns with a response, as Lambda does.</summary>
    public const int TailBytes = 4096;

    private readonly Lock _gate = new();
    private readonly MemoryStream _pending = new();
    // Twice the tail, so trimming to the tail happens once per TailBytes written, not on every line.
    private readonly byte[] _tail = new byte[TailBytes * 2];
    private int _tailLength;
    private bool _truncated;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
            _pending.Write(buffer);
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (_pending.Length == 0)
                return;
            var lines = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
            shared.Write(lines);
            AppendToTail(lines);
            _pending.SetLength(0);
        }
    }

    /// <summary>The last <see cref="TailBytes"/> bytes of the log; when older lines were cut, it starts at a whole line.</summary>
    public byte[] GetTail()
    {
        lock (_gate)
        {
            var start = Math.Max(0, _tailLength - TailBytes);
            var tail = _tail.AsSpan(start, _tailLength - start);
            if (start > 0 || _truncated)
            {
                // Starting mid-line would also risk starting mid-character; a single line longer than the tail keeps its end.
                var newline = tail.IndexOf((byte)'\n');
                if (newline >= 0 && newline < tail.Length - 1)
                    tail = tail[(newline + 1)..];
            }

            return tail.ToArray();
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Flush();
        base.Dispose(disposing);
    }

    private void AppendToTail(ReadOnlySpan<byte> lines)
    {
        if (lines.Length >= TailBytes)
        {
            _truncated |= _tailLength > 0 || lines.Length > TailBytes;
            lines[^TailBytes..].CopyTo(_tail);
            _tailLength = TailBytes;
            return;
        }

        if (_tailLength + lines.Length > _tail.Length)
        {
            var keep = TailBytes - lines.Length;
            _tail.AsSpan(_tailLength - keep, keep).CopyTo(_tail);
            _tailLength = keep;
            _truncated = true;
        }

        lines.CopyTo(_tail.AsSpan(_tailLength));
        _tailLength += lines.Length;
    }
}
