namespace Impulse.Benchmarks.ColdStart;

/// <summary>Cold starts of one executable: start → first <c>/next</c> (or → exit) and the resident peak right then.</summary>
/// <param name="Bytes">The executable's size.</param>
/// <param name="StartMs">Milliseconds per fresh process.</param>
/// <param name="StartPeakRssKb">VmHWM per fresh process, in KiB; null where the process exits on its own.</param>
/// <param name="Memory">Resident memory by mapping at the last run's first <c>/next</c>; empty where not read.</param>
internal sealed record ColdStarts(long Bytes, Sample StartMs, Sample? StartPeakRssKb, IReadOnlyList<MemoryPart> Memory);

/// <summary>Everything one run of the benchmark measured.</summary>
internal sealed record Results(
    Machine Machine,
    Options Options,
    string LoadAverageAfter,
    ColdStarts Bootstrap,
    WarmRun BootstrapWarm,
    ColdStarts? HelloWorld,
    ColdStarts? RawNext,
    WarmRun? RawNextWarm);
