using Impulse.Events;

namespace Impulse.Hosting.CrashApp;

/// <summary>The pull-trigger function the crash tests feed: records each batch's message ids, then works a while.</summary>
public sealed class OrderFunctions(Ledger ledger)
{
    /// <summary>
    /// A one-second timeout gives a six-second visibility timeout (six times the function's), so what a killed host
    /// held comes back within the test; batches of ten on up to four workers keep several batches in flight.
    /// </summary>
    [Function("record-orders", TimeoutSeconds = 1)]
    [PullTrigger(PullSource.Queue, "orders", BatchSize = 10, MaxConcurrency = 4)]
    public async Task Record(SqsEvent batch, CancellationToken cancel)
    {
        ledger.Record(batch.Records.Select(r => r.MessageId));
        await Task.Delay(ledger.Work, cancel).ConfigureAwait(false);
    }
}
