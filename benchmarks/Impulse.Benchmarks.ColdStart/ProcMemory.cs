using System.Globalization;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>Resident memory of one kind of mapping, from <c>/proc/PID/smaps</c>.</summary>
/// <param name="Kind">What the mappings are.</param>
/// <param name="RssKb">Resident kilobytes (KiB, as the kernel counts).</param>
internal sealed record MemoryPart(string Kind, long RssKb);

/// <summary>Reads a live process's memory from Linux's <c>/proc</c>; the kernel's view, not the runtime's.</summary>
internal static class ProcMemory
{
    /// <summary>A <c>/proc/PID/status</c> field in KiB, such as <c>VmHWM</c> (peak resident set) or <c>VmRSS</c>; null if the process is gone.</summary>
    public static long? StatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(field.Length + 1).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Resident memory grouped by what is mapped: the executable, shared libraries, anonymous memory, the rest.</summary>
    public static IReadOnlyList<MemoryPart> Breakdown(int pid, string binary)
    {
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        var kind = "";
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            if (IsMappingHeader(line, out var path))
                kind = Classify(path, binary);
            else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                totals[kind] = totals.GetValueOrDefault(kind) + long.Parse(line.AsSpan(4).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
        }
        return [.. totals.Select(t => new MemoryPart(t.Key, t.Value)).OrderByDescending(p => p.RssKb)];
    }

    // A header is "start-end perms offset dev inode [path]"; field lines are "Name:   value kB".
    private static bool IsMappingHeader(string line, out string path)
    {
        path = "";
        var dash = line.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || line.AsSpan(0, dash).ContainsAnyExcept("0123456789abcdef"))
            return false;
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        path = fields.Length == 6 ? fields[5].Trim() : "";
        return fields.Length >= 5;
    }

    private static string Classify(string path, string binary) => path switch
    {
        "" => "anonymous: GC heap, thread stacks, runtime data",
        "[heap]" => "[heap]: native malloc",
        "[stack]" => "[stack]: main thread",
        _ when path == binary => "the executable: code and data, file-backed",
        _ when path.Contains(".so", StringComparison.Ordinal) => "shared libraries: libc, libm, ld.so …",
        _ => "other: " + path,
    };
}
