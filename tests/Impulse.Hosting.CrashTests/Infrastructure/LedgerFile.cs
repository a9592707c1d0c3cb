using System.Text;

namespace Impulse.Hosting.CrashTests.Infrastructure;

/// <summary>Reads the ledger one host process wrote: the ids of the messages it handled, one per line.</summary>
internal static class LedgerFile
{
    /// <summary>The complete lines of <paramref name="path"/>; none when the host recorded nothing.</summary>
    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
            return [];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var text = reader.ReadToEnd();
        var lines = text.Split('\n');
        // A line without its newline was being written when the process died, or is being written now: the handler
        // had not returned, so the message was not deleted either.
        return lines[..^1];
    }
}
