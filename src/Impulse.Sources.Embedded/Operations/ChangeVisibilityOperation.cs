namespace Impulse.Sources.Embedded.Operations;

/// <summary>Sets when a received message becomes visible again, if its receipt handle still matches.</summary>
internal sealed class ChangeVisibilityOperation(
    long queueId,
    QueueSignal signal,
    (long Sequence, long Token) receipt,
    long visibilityMs) : WriteOperation<bool>
{
    private bool _changed;

    protected override bool Result => _changed;

    public override void Execute(QueueCommands commands, long now)
    {
        QueueCommands.Bind(commands.ChangeVisibility, queueId, receipt.Sequence, receipt.Token, now + visibilityMs);
        _changed = commands.ChangeVisibility.ExecuteNonQuery() == 1;
    }

    protected override void OnCommitted()
    {
        // A message made visible at once is news to long-polling receivers, as a send is.
        if (_changed && visibilityMs == 0)
        {
            signal.Pulse();
        }
    }
}
