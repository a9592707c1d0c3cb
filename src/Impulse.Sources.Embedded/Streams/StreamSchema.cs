namespace Impulse.Sources.Embedded.Streams;

/// <summary>The stream database's tables and statements, in one place so they are read together.</summary>
internal static class StreamSchema
{
    public const int Version = 1;

    // seq is the rowid: one counter for every shard of every stream, so a record's sequence number is unique in the
    // file and grows with every put, which is all Kinesis promises within a shard. Records are never deleted, so
    // the counter never reuses a value (SQLite only reuses the largest rowid after it was deleted).
    public const string Create = """
        CREATE TABLE IF NOT EXISTS streams (
            id     INTEGER PRIMARY KEY,
            name   TEXT    NOT NULL UNIQUE,
            shards INTEGER NOT NULL
        ) STRICT;
        CREATE TABLE IF NOT EXISTS stream_records (
            seq           INTEGER PRIMARY KEY,
            stream_id     INTEGER NOT NULL,
            shard         INTEGER NOT NULL,
            partition_key TEXT    NOT NULL,
            data          BLOB    NOT NULL,
            arrived_at    INTEGER NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS stream_records_by_shard ON stream_records (stream_id, shard, seq);
        CREATE TABLE IF NOT EXISTS stream_checkpoints (
            stream_id INTEGER NOT NULL,
            consumer  TEXT    NOT NULL,
            shard     INTEGER NOT NULL,
            seq       INTEGER NOT NULL,
            PRIMARY KEY (stream_id, consumer, shard)
        ) STRICT;
        """;

    // The first opener fixes the shard count; later openers read it back, since moving keys between shards would
    // break the order of records already stored.
    public const string ResolveStream = """
        INSERT INTO streams (name, shards) VALUES ($name, $shards) ON CONFLICT (name) DO UPDATE SET name = excluded.name
        RETURNING id, shards
        """;

    public const string Insert = """
        INSERT INTO stream_records (stream_id, shard, partition_key, data, arrived_at)
        VALUES ($stream, $shard, $partition_key, $data, $now) RETURNING seq
        """;

    public const string Read = """
        SELECT seq, partition_key, data, arrived_at FROM stream_records
        WHERE stream_id = $stream AND shard = $shard AND seq > $after ORDER BY seq LIMIT $limit
        """;

    public const string Latest = """
        SELECT max(seq) FROM stream_records WHERE stream_id = $stream AND shard = $shard
        """;

    public const string GetCheckpoint = """
        SELECT seq FROM stream_checkpoints WHERE stream_id = $stream AND consumer = $consumer AND shard = $shard
        """;

    // A checkpoint only moves forward: a late write from a batch that another worker already passed must not rewind it.
    public const string SetCheckpoint = """
        INSERT INTO stream_checkpoints (stream_id, consumer, shard, seq) VALUES ($stream, $consumer, $shard, $seq)
        ON CONFLICT (stream_id, consumer, shard) DO UPDATE SET seq = max(seq, excluded.seq)
        """;
}
