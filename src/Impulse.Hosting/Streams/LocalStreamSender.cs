using Impulse.Sources;

namespace Impulse.Hosting.Streams;

/// <summary>
/// The local host's <see cref="IStreamSender"/>: puts records on the same streams the shard pollers read, checking
/// that a record for a DynamoDB stream is a change (and keying it by the item's keys when no key is given).
/// </summary>
internal sealed class LocalStreamSender(StreamDirectory streams) : IStreamSender
{
    public ValueTask<StreamPutResult> PutRecordAsync(string stream, string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        ArgumentNullException.ThrowIfNull(partitionKey);
        if (streams.IsDynamoDbStream(stream))
        {
            // One item's changes must stay in order, so its keys choose the shard unless the caller chose.
            var keys = DynamoDbChange.Validate(data);
            if (partitionKey.Length == 0)
                partitionKey = keys;
        }

        return streams.Get(stream).PutAsync(partitionKey, data, cancel);
    }
}
