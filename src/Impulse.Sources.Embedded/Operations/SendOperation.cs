namespace Impulse.Sources.Embedded.Operations;

/// <summary>Stores a batch of messages; the ids are chosen up front so a retried execution stores the same ones.</summary>
internal sealed class SendOperation : WriteOperation<IReadOnlyList<string>>
{
    private readonly long _queueId;
    private readonly QueueSignal _signal;
    private readonly IReadOnlyList<OutgoingMessage> _messages;
    private readonly string[] _ids;
    private readonly string?[] _attributes;

    public SendOperation(long queueId, QueueSignal signal, IReadOnlyList<OutgoingMessage> messages)
    {
        _queueId = queueId;
        _signal = signal;
        _messages = messages;
        _ids = new string[messages.Count];
        _attributes = new string?[messages.Count];
        for (var i = 0; i < _ids.Length; i++)
        {
            // Version 7 ids sort by creation time, which keeps them readable in the database and in logs.
            _ids[i] = Guid.CreateVersion7().ToString();
            // Encoded on the caller's thread, so the writer thread spends its time on SQL only.
            _attributes[i] = MessageAttributeCodec.Encode(messages[i].Attributes);
        }
    }

    public override bool StoresSends => true;

    protected override IReadOnlyList<string> Result => _ids;

    public override void Execute(QueueCommands commands, long now)
    {
        var insert = commands.Insert;
        for (var i = 0; i < _ids.Length; i++)
        {
            var message = _messages[i];
            var delay = (long)(message.Delay ?? TimeSpan.Zero).TotalMilliseconds;
            // A byte[] that the memory wraps whole is bound as is; anything else is copied once.
            var body = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(message.Body, out var segment)
                && segment.Offset == 0 && segment.Count == segment.Array!.Length
                ? segment.Array
                : message.Body.ToArray();
            QueueCommands.Bind(insert, _queueId, _ids[i], body, _attributes[i], now, now + delay);
            insert.ExecuteNonQuery();
        }
    }

    protected override void OnCommitted() => _signal.Pulse();
}
