namespace Impulse.Sources.Embedded;

/// <summary>The database's tables and the SQL of every operation, in one place so they are read together.</summary>
internal static class QueueSchema
{
    public const int Version = 1;

    // One table for all queues keeps a send, receive or delete a single-table statement; an integer queue id keeps
    // the index small. seq is the rowid, so rows are found by it without a second index.
    // visible_at: Unix ms at which the message may be received (send time + delay, or end of visibility timeout).
    // receipt: the token of the latest receive (0 before any); a receipt handle must match it.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS queues (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        ) STRICT;
        CREATE TABLE IF NOT EXISTS messages (
            seq               INTEGER PRIMARY KEY,
            queue_id          INTEGER NOT NULL,
            message_id        TEXT    NOT NULL,
            body              BLOB    NOT NULL,
            attributes        TEXT,
            sent_at           INTEGER NOT NULL,
            visible_at        INTEGER NOT NULL,
            receive_count     INTEGER NOT NULL DEFAULT 0,
            first_received_at INTEGER,
            receipt           INTEGER NOT NULL DEFAULT 0,
            dead_letter_from  TEXT
        ) STRICT;
        -- Receives walk this in visibility order and stop after the batch: finding the next messages costs the same
        -- with ten or ten million waiting. receive_count lets the redrive filter run on the index alone.
        CREATE INDEX IF NOT EXISTS messages_by_visibility ON messages (queue_id, visible_at, receive_count);
        """;

    public const string ResolveQueue = """
        INSERT INTO queues (name) VALUES ($name) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id
        """;

    public const string Insert = """
        INSERT INTO messages (queue_id, message_id, body, attributes, sent_at, visible_at)
        VALUES ($queue, $message_id, $body, $attributes, $now, $visible_at)
        """;

    // The first $limit visible messages in receive order: the window a receive would deliver from.
    private const string Window = """
        SELECT seq FROM messages WHERE queue_id = $queue AND visible_at <= $now ORDER BY visible_at LIMIT $limit
        """;

    // Redrive, step 1 of 2: copy the window's messages that have used up their receives into the dead-letter queue.
    // The copy keeps the id, body and send time; it starts over with no receives, as SQS does.
    public const string CopyToDeadLetter = $"""
        INSERT INTO messages (queue_id, message_id, body, attributes, sent_at, visible_at, dead_letter_from)
        SELECT $dead_letter, message_id, body, attributes, sent_at, $now, $source FROM messages
        WHERE seq IN ({Window}) AND receive_count >= $max_receives
        """;

    // Step 2: delete the same rows. The window is unchanged by step 1, whose rows belong to another queue.
    public const string DeleteMovedToDeadLetter = $"""
        DELETE FROM messages WHERE seq IN ({Window}) AND receive_count >= $max_receives
        """;

    // One statement both picks and hides the batch, so no other receiver, in this process or another, can pick the
    // same rows: SQLite runs it under the database's write lock. Messages that used up their receives are skipped
    // (they move to the dead-letter queue once they reach the window), so a poison message never blocks the rest.
    public const string Receive = """
        UPDATE messages
        SET visible_at = $visible_until,
            receive_count = receive_count + 1,
            first_received_at = coalesce(first_received_at, $now),
            receipt = random()
        WHERE seq IN (
            SELECT seq FROM messages
            WHERE queue_id = $queue AND visible_at <= $now AND receive_count < $max_receives
            ORDER BY visible_at LIMIT $limit)
        RETURNING seq, message_id, body, attributes, sent_at, receive_count, first_received_at, receipt, dead_letter_from
        """;

    // When a receive finds nothing: the moment the next delayed or in-flight message becomes visible, so a long poll
    // can sleep exactly until then.
    public const string NextVisible = """
        SELECT min(visible_at) FROM messages WHERE queue_id = $queue AND visible_at > $now
        """;

    public const string Delete = """
        DELETE FROM messages WHERE seq = $seq AND receipt = $receipt AND queue_id = $queue
        """;

    public const string ChangeVisibility = """
        UPDATE messages SET visible_at = $visible_at WHERE seq = $seq AND receipt = $receipt AND queue_id = $queue
        """;

    public const string Statistics = """
        SELECT coalesce(sum(visible_at <= $now), 0),
               coalesce(sum(visible_at > $now AND receive_count > 0), 0),
               coalesce(sum(visible_at > $now AND receive_count = 0), 0)
        FROM messages WHERE queue_id = $queue
        """;
}
