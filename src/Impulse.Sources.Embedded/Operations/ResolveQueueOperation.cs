namespace Impulse.Sources.Embedded.Operations;

/// <summary>Finds a queue's id by name, creating the queue on first use.</summary>
internal sealed class ResolveQueueOperation(string name) : WriteOperation<long>
{
    private long _id;

    protected override long Result => _id;

    public override void Execute(QueueCommands commands, long now)
    {
        QueueCommands.Bind(commands.ResolveQueue, name);
        _id = (long)commands.ResolveQueue.ExecuteScalar()!;
    }
}
