namespace Impulse.Sources.Embedded.Operations;

/// <summary>Counts a queue's visible, in-flight and delayed messages.</summary>
internal sealed class StatisticsOperation(long queueId) : WriteOperation<QueueStatistics>
{
    private QueueStatistics _statistics;

    protected override QueueStatistics Result => _statistics;

    public override void Execute(QueueCommands commands, long now)
    {
        QueueCommands.Bind(commands.Statistics, queueId, now);
        using var reader = commands.Statistics.ExecuteReader();
        reader.Read();
        _statistics = new QueueStatistics(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
