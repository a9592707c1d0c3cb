using Microsoft.Data.Sqlite;

namespace Impulse.Sources.Embedded.Streams;

/// <summary>
/// Group commit for puts: puts that arrive while a commit is being flushed wait and go in the next transaction
/// together, so concurrent producers share one disk flush instead of paying one each. A put completes only once
/// its transaction committed, and puts commit in the order they arrived.
/// </summary>
internal sealed class PutBatcher(EmbeddedStreamDatabase database)
{
    private readonly Lock _gate = new();
    private List<PendingPut> _pending = [];
    private bool _flushing;

    public Task<long> PutAsync(long streamId, int shard, string partitionKey, byte[] data, long now)
    {
        var put = new PendingPut(streamId, shard, partitionKey, data, now);
        bool start;
        lock (_gate)
        {
            _pending.Add(put);
            start = !_flushing;
            _flushing = true;
        }

        if (start)
            _ = Task.Run(Flush);
        return put.Completion.Task;
    }

    private void Flush()
    {
        while (true)
        {
            List<PendingPut> batch;
            lock (_gate)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (batch, _pending) = (_pending, []);
            }

            try
            {
                var sequences = database.RunInTransaction((connection, transaction) => Insert(connection, transaction, batch));
                for (var i = 0; i < batch.Count; i++)
                    batch[i].Completion.TrySetResult(sequences[i]);
            }
            catch (Exception e)
            {
                foreach (var put in batch)
                    put.Completion.TrySetException(e);
            }
        }
    }

    private static long[] Insert(SqliteConnection connection, SqliteTransaction transaction, List<PendingPut> batch)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = StreamSchema.Insert;
        var stream = command.Parameters.Add("$stream", SqliteType.Integer);
        var shard = command.Parameters.Add("$shard", SqliteType.Integer);
        var key = command.Parameters.Add("$partition_key", SqliteType.Text);
        var data = command.Parameters.Add("$data", SqliteType.Blob);
        var now = command.Parameters.Add("$now", SqliteType.Integer);
        var sequences = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var put = batch[i];
            stream.Value = put.StreamId;
            shard.Value = put.Shard;
            key.Value = put.PartitionKey;
            data.Value = put.Data;
            now.Value = put.Now;
            sequences[i] = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return sequences;
    }

    private sealed record PendingPut(long StreamId, int Shard, string PartitionKey, byte[] Data, long Now)
    {
        // Callers resume on the thread pool, never inline on the flushing thread.
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
