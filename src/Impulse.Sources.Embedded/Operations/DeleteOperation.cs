namespace Impulse.Sources.Embedded.Operations;

/// <summary>Deletes received messages whose receipt handles still match their latest receive.</summary>
internal sealed class DeleteOperation(long queueId, (long Sequence, long Token)[] receipts) : WriteOperation<int>
{
    private int _deleted;

    protected override int Result => _deleted;

    public override void Execute(QueueCommands commands, long now)
    {
        _deleted = 0;
        var delete = commands.Delete;
        foreach (var (sequence, token) in receipts)
        {
            QueueCommands.Bind(delete, queueId, sequence, token);
            _deleted += delete.ExecuteNonQuery();
        }
    }
}
