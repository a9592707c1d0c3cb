using System.Collections.Concurrent;
using System.Diagnostics;
using Impulse.Sources;
using Xunit.Abstractions;

namespace Impulse.Hosting.CrashTests.Infrastructure;

/// <summary>
/// One host crash test: producers send to the crash app's queue the whole time while a host process serving the app
/// is started and killed with SIGKILL at a random moment, round after round; then a last host runs until everything
/// sent has been handled and the queue is empty, and stops with SIGTERM. Each host records the ids it handled in
/// its own ledger file, fsynced before the handler returns, so the ledgers say what was processed and by which round.
/// </summary>
/// <param name="folder">Where the hosts run and keep their queue database and ledgers.</param>
/// <param name="queue">The queue the app's pull trigger reads, opened in the test process to send and to count.</param>
/// <param name="hostEnvironment">Variables that point the host at the queue's source (none for the embedded default).</param>
/// <param name="output">Where the figures go.</param>
internal sealed class HostCrashRun(string folder, IQueueSource queue, IReadOnlyDictionary<string, string> hostEnvironment, ITestOutputHelper output)
{
    public const int Rounds = 22;
    public const int Producers = 2;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    // Long enough for the backlog plus the crash app's six-second visibility timeout (six times its function's).
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(45);
    private const int MaxKillDelayMs = 1200;
    // Pretend work per batch after its ids are recorded: the window where a kill leaves processed messages undeleted.
    private const int WorkMs = 15;

    /// <summary>The embedded queue database every host opens in <paramref name="folder"/>: the pull queue's when it is
    /// embedded, and the asynchronous invocations' in any case.</summary>
    public static string DatabasePathIn(string folder) => Path.Combine(folder, "queues.db");

    public async Task RunAsync(int seed)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var sent = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        using var stopSending = new CancellationTokenSource();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(() => ProduceAsync(p, sent, stopSending.Token))).ToArray();

        var kills = new List<(TimeSpan After, int SentSoFar)>();
        for (var round = 0; round < Rounds; round++)
        {
            var killAfter = TimeSpan.FromMilliseconds(random.Next(0, MaxKillDelayMs));
            using var host = StartHost(LedgerPath(round));
            await host.WaitReadyAsync(StartTimeout);
            await Task.Delay(killAfter);
            await host.KillAsync();
            kills.Add((killAfter, sent.Count));
            // A producer that failed would otherwise only surface at the end.
            if (producers.FirstOrDefault(p => p.IsFaulted) is { } failed)
                await failed;
        }

        await stopSending.CancelAsync();
        await Task.WhenAll(producers);

        var drainClock = Stopwatch.StartNew();
        using (var last = StartHost(LedgerPath(Rounds)))
        {
            await last.WaitReadyAsync(StartTimeout);
            // Messages the killed hosts held come back when their visibility timeout ends; the last host handles them
            // and deletes them, so the queue ends empty.
            while (!await AllHandledAndDeletedAsync(sent))
            {
                if (drainClock.Elapsed > DrainTimeout)
                {
                    var statistics = await queue.GetStatisticsAsync();
                    Assert.Fail($"Within {DrainTimeout.TotalSeconds:0} s of the last start, {Missing(sent, ReadLedgers()).Count} of {sent.Count} sent messages " +
                        $"were not handled, or the queue was not empty ({statistics}) (seed {seed}). The last host's output:{Environment.NewLine}{last.Tail()}");
                }

                await Task.Delay(250);
            }

            var exitCode = await last.TerminateAsync(TimeSpan.FromSeconds(30));
            Assert.True(exitCode == 0, $"The last host exited with code {exitCode} after SIGTERM. Its output:{Environment.NewLine}{last.Tail()}");
        }

        var ledgers = ReadLedgers();
        Report(seed, sent, ledgers, kills, drainClock.Elapsed, clock.Elapsed);
    }

    private async Task ProduceAsync(int producer, ConcurrentDictionary<string, byte> sent, CancellationToken stop)
    {
        var n = 0;
        while (!stop.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, 10).Select(_ => OutgoingMessage.FromText($"{producer}-{n++}")).ToList();
            // Recorded only once the send returned: that acknowledgement is what the test holds the host to.
            foreach (var id in await queue.SendBatchAsync(batch, CancellationToken.None))
                sent[id] = 0;
            await Task.Delay(10, CancellationToken.None);
        }
    }

    private HostProcess StartHost(string ledger)
    {
        var environment = new Dictionary<string, string>(hostEnvironment, StringComparer.Ordinal)
        {
            ["IMPULSE_CRASHAPP_LEDGER"] = ledger,
            ["IMPULSE_CRASHAPP_WORK_MS"] = $"{WorkMs}",
            // Info lines per invocation would only cost time; warnings and errors stay visible in failure messages.
            ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
        };
        return HostProcess.Start(folder, environment, ["serve", "--port", "0", "--queue-db", DatabasePathIn(folder)]);
    }

    private async Task<bool> AllHandledAndDeletedAsync(ConcurrentDictionary<string, byte> sent)
    {
        if (Missing(sent, ReadLedgers()).Count > 0)
            return false;
        var statistics = await queue.GetStatisticsAsync();
        return statistics is { ApproximateNumberOfMessages: 0, ApproximateNumberOfMessagesNotVisible: 0, ApproximateNumberOfMessagesDelayed: 0 };
    }

    private string LedgerPath(int round) => Path.Combine(folder, $"ledger-{round:00}.txt");

    /// <summary>Each round's handled ids, the last host's at index <see cref="Rounds"/>.</summary>
    private List<IReadOnlyList<string>> ReadLedgers() => [.. Enumerable.Range(0, Rounds + 1).Select(r => LedgerFile.Read(LedgerPath(r)))];

    private static List<string> Missing(ConcurrentDictionary<string, byte> sent, List<IReadOnlyList<string>> ledgers)
    {
        var handled = ledgers.SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
        return [.. sent.Keys.Where(id => !handled.Contains(id))];
    }

    private void Report(int seed, ConcurrentDictionary<string, byte> sent, List<IReadOnlyList<string>> ledgers, List<(TimeSpan After, int SentSoFar)> kills, TimeSpan drain, TimeSpan total)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ledgers.SelectMany(l => l))
            counts[id] = counts.GetValueOrDefault(id) + 1;

        // A message a round recorded and a later round (or the same host) recorded again was handled but not yet
        // deleted when that round's host was killed: exactly the in-flight work a crash must not lose.
        var inFlightAtKill = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var later = ledgers.Skip(round + 1).SelectMany(l => l).ToHashSet(StringComparer.Ordinal);
            var held = ledgers[round].Distinct(StringComparer.Ordinal).Count(later.Contains);
            inFlightAtKill += held;
            output.WriteLine($"round {round,2}: killed {kills[round].After.TotalMilliseconds,4:0} ms after start, {ledgers[round].Count,5} handled, " +
                $"{held,3} handled but not deleted at the kill, {kills[round].SentSoFar,6} sent so far");
        }

        var duplicates = counts.Values.Sum(c => c - 1);
        var unknown = counts.Keys.Where(id => !sent.ContainsKey(id)).ToList();
        output.WriteLine($"{Rounds} SIGKILLs (seed {seed}), {Producers} producers: {sent.Count} sent, {sent.Count - Missing(sent, ledgers).Count} handled at least once, " +
            $"{duplicates} duplicate deliveries ({(double)duplicates / sent.Count:P2}), {inFlightAtKill} handled but undeleted at a kill; " +
            $"the last host drained in {drain.TotalSeconds:0.0} s; {total.TotalSeconds:0} s in all.");

        Assert.Empty(Missing(sent, ledgers));
        Assert.True(unknown.Count == 0, $"{unknown.Count} handled ids were never sent, e.g. {unknown.FirstOrDefault()}.");
        Assert.True(ledgers.Take(Rounds).Count(l => l.Count > 0) >= Rounds / 2, "Most killed hosts handled nothing: the kills came too early to test anything.");
        Assert.True(inFlightAtKill > 0, "No kill landed while a batch was handled but not yet deleted, so redelivery after a crash went untested.");
    }
}
