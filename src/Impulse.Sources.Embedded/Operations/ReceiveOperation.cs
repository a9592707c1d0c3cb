using Microsoft.Data.Sqlite;

namespace Impulse.Sources.Embedded.Operations;

/// <summary>
/// One receive attempt: moves messages that used up their receives to the dead-letter queue, then picks and hides
/// up to a batch of visible messages. When none are visible it also reports when the next one will be.
/// </summary>
internal sealed class ReceiveOperation(
    QueueHandle queue,
    RedrivePolicy? redrive,
    QueueHandle? deadLetter,
    int limit,
    long visibilityMs) : WriteOperation<ReceiveOperation.Outcome>
{
    private readonly List<(long Sequence, ReceivedMessage Message)> _rows = new(limit);
    private ReceivedMessage[] _messages = [];
    private long? _nextVisibleAt;
    private bool _movedToDeadLetter;

    /// <summary>What one attempt found.</summary>
    /// <param name="Messages">The messages received, in send order.</param>
    /// <param name="NextVisibleAt">When none were: the Unix ms at which the next hidden message becomes visible, if any.</param>
    public readonly record struct Outcome(IReadOnlyList<ReceivedMessage> Messages, long? NextVisibleAt);

    protected override Outcome Result => new(_messages, _nextVisibleAt);

    public override void Execute(QueueCommands commands, long now)
    {
        _rows.Clear();
        _messages = [];
        _nextVisibleAt = null;
        _movedToDeadLetter = false;
        var maxReceives = long.MaxValue;
        if (redrive is not null)
        {
            maxReceives = redrive.MaxReceiveCount;
            QueueCommands.Bind(commands.CopyToDeadLetter, queue.Id, now, limit, deadLetter!.Id, queue.Name, maxReceives);
            if (commands.CopyToDeadLetter.ExecuteNonQuery() > 0)
            {
                QueueCommands.Bind(commands.DeleteMovedToDeadLetter, queue.Id, now, limit, maxReceives);
                commands.DeleteMovedToDeadLetter.ExecuteNonQuery();
                _movedToDeadLetter = true;
            }
        }

        QueueCommands.Bind(commands.Receive, queue.Id, now, limit, maxReceives, now + visibilityMs);
        using (var reader = commands.Receive.ExecuteReader())
        {
            while (reader.Read())
            {
                _rows.Add((reader.GetInt64(0), Read(reader)));
            }
        }

        if (_rows.Count == 0)
        {
            QueueCommands.Bind(commands.NextVisible, queue.Id, now);
            _nextVisibleAt = commands.NextVisible.ExecuteScalar() is long next ? next : null;
        }
        else
        {
            // RETURNING yields rows in no promised order; send order (the sequence) is what a reader expects.
            _rows.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
            _messages = new ReceivedMessage[_rows.Count];
            for (var i = 0; i < _messages.Length; i++)
            {
                _messages[i] = _rows[i].Message;
            }
        }
    }

    protected override void OnCommitted()
    {
        if (_movedToDeadLetter)
        {
            deadLetter!.Signal.Pulse();
        }
    }

    private static ReceivedMessage Read(SqliteDataReader reader)
    {
        // Columns as the RETURNING clause lists them.
        var sequence = reader.GetInt64(0);
        var deadLetterFrom = reader.IsDBNull(8) ? null : reader.GetString(8);
        return new ReceivedMessage
        {
            MessageId = reader.GetString(1),
            ReceiptHandle = ReceiptHandle.Format(sequence, reader.GetInt64(7)),
            Body = reader.GetFieldValue<byte[]>(2),
            MessageAttributes = MessageAttributeCodec.Decode(reader.IsDBNull(3) ? null : reader.GetString(3)),
            SentTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)),
            ReceiveCount = (int)reader.GetInt64(5),
            FirstReceiveTimestamp = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
            ExtraAttributes = deadLetterFrom is null
                ? null
                : new Dictionary<string, string>(1) { [SystemAttributeNames.DeadLetterQueueSourceArn] = deadLetterFrom },
        };
    }
}
