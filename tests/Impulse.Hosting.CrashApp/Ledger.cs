using System.Globalization;
using System.Text;

namespace Impulse.Hosting.CrashApp;

/// <summary>
/// An append-only file of the message ids the app handled, one per line, flushed to disk before the handler
/// returns: a line in it proves the message was processed before the host could delete it, whatever kills the
/// process afterwards.
/// </summary>
public sealed class Ledger : IDisposable
{
    /// <summary>The variable that names the ledger file.</summary>
    public const string PathVariable = "IMPULSE_CRASHAPP_LEDGER";

    /// <summary>The variable that sets the pretend work per batch in milliseconds, after the ids are recorded.</summary>
    public const string WorkVariable = "IMPULSE_CRASHAPP_WORK_MS";

    private readonly FileStream _file;
    private readonly Lock _gate = new();

    private Ledger(string path, TimeSpan work)
    {
        // Append only, and shared, so the test can read it while the app writes.
        _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        Work = work;
    }

    /// <summary>How long a batch pretends to work after its ids are recorded: the window where a kill leaves
    /// processed messages undeleted.</summary>
    public TimeSpan Work { get; }

    /// <summary>The ledger the environment names.</summary>
    /// <exception cref="InvalidOperationException">A variable is missing or not valid.</exception>
    public static Ledger FromEnvironment()
    {
        var path = Environment.GetEnvironmentVariable(PathVariable);
        if (string.IsNullOrWhiteSpace(path))
            throw new InvalidOperationException($"{PathVariable} must name the file the app records handled message ids in.");
        var workText = Environment.GetEnvironmentVariable(WorkVariable) ?? "0";
        if (!int.TryParse(workText, NumberStyles.None, CultureInfo.InvariantCulture, out var workMs))
            throw new InvalidOperationException($"{WorkVariable} must be a whole number of milliseconds, not '{workText}'.");
        return new Ledger(path, TimeSpan.FromMilliseconds(workMs));
    }

    /// <summary>Appends <paramref name="ids"/> and returns once they are on disk.</summary>
    public void Record(IEnumerable<string> ids)
    {
        var text = new StringBuilder();
        foreach (var id in ids)
            text.Append(id).Append('\n');
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_gate)
        {
            _file.Write(bytes);
            _file.Flush(flushToDisk: true);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _file.Dispose();
}
