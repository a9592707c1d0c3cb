using System.Diagnostics;
using System.Text;

namespace Impulse.Integration.Infrastructure;

/// <summary>
/// Drains a child's standard output and error as they arrive. A child whose pipes nobody reads
/// blocks once the pipe buffer (64 KB) fills, so every redirected child gets one of these.
/// </summary>
public sealed class OutputCapture
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _combined = new();

    /// <summary>Starts reading both redirected streams of <paramref name="process"/>, which must have been started.</summary>
    public static OutputCapture Attach(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        var capture = new OutputCapture();
        process.OutputDataReceived += (_, e) => capture.Add(e.Data, capture._stdout);
        process.ErrorDataReceived += (_, e) => capture.Add(e.Data, capture._stderr);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return capture;
    }

    /// <summary>Everything written to standard output so far.</summary>
    public string StandardOutput
    {
        get { lock (_gate) return _stdout.ToString(); }
    }

    /// <summary>Everything written to standard error so far.</summary>
    public string StandardError
    {
        get { lock (_gate) return _stderr.ToString(); }
    }

    /// <summary>Both streams, line by line in the order they were read.</summary>
    public string Combined
    {
        get { lock (_gate) return _combined.ToString(); }
    }

    /// <summary>The last <paramref name="maxChars"/> characters of <see cref="Combined"/>, for failure messages.</summary>
    public string Tail(int maxChars = 4000)
    {
        var all = Combined;
        return all.Length <= maxChars ? all : "…" + all[^maxChars..];
    }

    private void Add(string? line, StringBuilder stream)
    {
        // A null line is the end of the stream.
        if (line is null)
            return;
        lock (_gate)
        {
            stream.AppendLine(line);
            _combined.AppendLine(line);
        }
    }
}
