namespace Impulse.Sources.Redis;

/// <summary>
/// The Lua scripts behind every queue operation, in one place so they are read together. Each runs atomically on
/// the server: no other client's command lands between its reads and its writes, which is what keeps two receivers
/// from taking one message and a stale receipt handle from touching a newer delivery.
/// </summary>
/// <remarks>
/// A queue's keys (see <see cref="QueueKeys"/>):
/// <list type="bullet">
/// <item><c>stream</c>: the messages, one entry each (fields <c>id</c>, <c>body</c>, <c>sent</c>, and <c>attrs</c>,
/// <c>from</c> when set), read through one consumer group. Entries are deleted when their message is.</item>
/// <item><c>delayed</c>: a sorted set of messages sent with a delay, scored by when they are due, each member the
/// whole message packed with msgpack; a receive moves the due ones into the stream.</item>
/// <item><c>visibility</c>: a sorted set of the entries received and not yet deleted (the group's pending entries),
/// scored by when each becomes visible again.</item>
/// <item><c>receipts</c>: a hash from entry id to <c>count:first:token</c>, the receive count, the first receive's
/// Unix ms and the token of the latest receive, which a receipt handle must carry.</item>
/// </list>
/// Why a visibility sorted set rather than XAUTOCLAIM's min-idle-time: SQS lets every receive choose its visibility
/// timeout and lets ChangeMessageVisibility move one message's deadline either way, while XAUTOCLAIM has one
/// min-idle-time per call and idle time only grows. A deadline per entry honours both exactly, and finding the due
/// ones is a range query instead of a scan of the pending entries list. XCLAIM still moves each reclaimed entry
/// to the receiving consumer, so XPENDING and XINFO show who holds what, as they would with XAUTOCLAIM.
/// Times come from the server's clock (TIME), never a client's, so every process agrees on when a delay or a
/// visibility timeout ends. Redis 5 or later: scripts that read TIME and then write replicate by effects there.
/// </remarks>
internal static class QueueScripts
{
    // Shared by every script. ensure_group makes a deleted stream (FLUSHDB, DEL by hand) come back with its group,
    // created at id 0 so that entries added before it existed are still delivered. add is the one place that writes
    // an entry, so a delayed message and one moved to a dead-letter queue look like any other.
    private const string Prelude = """
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local now_text = string.format('%d', now)
        local function ensure_group(stream, group)
          if redis.call('EXISTS', stream) == 0 then
            redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
          end
        end
        local function add(stream, id, body, sent, attrs, from)
          local f = {'id', id, 'body', body, 'sent', sent}
          if attrs ~= '' then f[#f + 1] = 'attrs'; f[#f + 1] = attrs end
          if from ~= '' then f[#f + 1] = 'from'; f[#f + 1] = from end
          return redis.call('XADD', stream, '*', unpack(f))
        end
        local function token_of(meta)
          return meta and string.match(meta, ':(%x+)$')
        end
        -- One variadic command for many ids costs one call instead of one each. unpack() is bounded by Lua's C stack
        -- (about 8000 values), so long lists go in slices of 1000 (even, so field-value pairs stay whole).
        local function call_many(head, args)
          for i = 1, #args, 1000 do
            local call = {unpack(head)}
            for j = i, math.min(i + 999, #args) do call[#call + 1] = args[j] end
            redis.call(unpack(call))
          end
        end
        local function forget_all(stream, visibility, receipts, group, ids)
          if #ids == 0 then return end
          call_many({'XACK', stream, group}, ids)
          call_many({'XDEL', stream}, ids)
          call_many({'ZREM', visibility}, ids)
          call_many({'HDEL', receipts}, ids)
        end

        """;

    /// <summary>Stores a batch of messages, all or none: KEYS stream, delayed; ARGV group, wake channel, then per
    /// message its id, body, encoded attributes ('' for none) and delay in ms. Returns the server's Unix ms.</summary>
    /// <remarks>One script rather than pipelined XADDs so the batch lands whole (Redis refuses a script for lack of
    /// memory at its first write, never midway) and a delay is decided on the server's clock. One PUBLISH wakes the
    /// long-polling receivers of every process; it is only a hint, since a waiting receive also tries again at its
    /// poll interval.</remarks>
    public static readonly ServerScript Send = new(Prelude + """
        local stream, delayed = KEYS[1], KEYS[2]
        ensure_group(stream, ARGV[1])
        local visible_now = false
        for i = 3, #ARGV, 4 do
          local delay = tonumber(ARGV[i + 3])
          if delay > 0 then
            -- The member carries the whole message, so moving it into the stream later needs no other key;
            -- the message id in it keeps two identical sends distinct members.
            redis.call('ZADD', delayed, now + delay, cmsgpack.pack({ARGV[i], ARGV[i + 1], now_text, ARGV[i + 2]}))
          else
            add(stream, ARGV[i], ARGV[i + 1], now_text, ARGV[i + 2], '')
            visible_now = true
          end
        end
        if visible_now then redis.call('PUBLISH', ARGV[2], '1') end
        return now
        """);

    /// <summary>One receive attempt: KEYS stream, delayed, visibility, receipts, dead-letter stream (the stream
    /// itself when there is no redrive); ARGV group, consumer, max messages, visibility ms, receipt token,
    /// max receives (0 for no redrive), this queue's name, the dead-letter queue's wake channel.</summary>
    /// <remarks>
    /// Returns <c>{now, next, then 8 values per message}</c>: entry id, message id, body, sent ms, attributes,
    /// receive count, first receive ms, source queue of a dead letter. <c>next</c> is, when nothing was delivered,
    /// the Unix ms at which the next hidden or delayed message is due (-1 for none), so a long poll sleeps exactly
    /// until then: neither an expiring visibility timeout nor a due delay makes a sound a receiver could wait on.
    /// <para>The three steps:</para>
    /// <list type="number">
    /// <item>Due delayed messages join the stream's tail (at most 100 per attempt, to bound the script's time).</item>
    /// <item>Entries whose visibility ended are redelivered first, oldest deadline first, with XCLAIM (FORCE, so an
    /// entry whose consumer was deleted is still reclaimed); an entry already received max-receives times is moved
    /// instead: XADD to the dead-letter stream, then XACK and XDEL here. Moved entries do not count towards the
    /// batch, and the window looks 100 entries past it, so poison messages never block the ones behind them.</item>
    /// <item>New entries, with XREADGROUP '>' (never BLOCK: a script must not block, and the client waits instead).</item>
    /// </list>
    /// Every delivery writes a fresh token and deadline in the same script that picks the entry, so a receiver that
    /// dies right after has still left a deadline behind, and the entry comes back when it passes.
    /// </remarks>
    public static readonly ServerScript Receive = new(Prelude + """
        local stream, delayed, visibility, receipts, dead = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
        local group, consumer, token, source = ARGV[1], ARGV[2], ARGV[5], ARGV[7]
        local max, max_receives = tonumber(ARGV[3]), tonumber(ARGV[6])
        local hidden_until = now + tonumber(ARGV[4])
        ensure_group(stream, group)

        local function fields(list)
          local f = {}
          for i = 1, #list, 2 do f[list[i]] = list[i + 1] end
          return f
        end
        local out = {now, -1}
        local delivered = 0
        local metas, deadlines, forgotten = {}, {}, {}
        local function deliver(entry_id, list, count, first)
          local f = fields(list)
          metas[#metas + 1] = entry_id; metas[#metas + 1] = string.format('%d:%s:%s', count, first, token)
          deadlines[#deadlines + 1] = hidden_until; deadlines[#deadlines + 1] = entry_id
          local n = #out
          out[n + 1] = entry_id; out[n + 2] = f.id or ''; out[n + 3] = f.body or ''; out[n + 4] = f.sent or now_text
          out[n + 5] = f.attrs or ''; out[n + 6] = count; out[n + 7] = first; out[n + 8] = f.from or ''
          delivered = delivered + 1
        end

        for _, packed in ipairs(redis.call('ZRANGEBYSCORE', delayed, '-inf', now, 'LIMIT', 0, 100)) do
          local m = cmsgpack.unpack(packed)
          add(stream, m[1], m[2], m[3], m[4], '')
          redis.call('ZREM', delayed, packed)
        end

        local moved = 0
        for _, entry_id in ipairs(redis.call('ZRANGEBYSCORE', visibility, '-inf', now, 'LIMIT', 0, max + 100)) do
          if delivered >= max then break end
          local count, first = 0, now_text
          local meta = redis.call('HGET', receipts, entry_id)
          if meta then
            local c, f = string.match(meta, '^(%d+):(%d+):')
            count, first = tonumber(c), f
          end
          if max_receives > 0 and count >= max_receives then
            local entry = redis.call('XRANGE', stream, entry_id, entry_id)[1]
            if entry then
              local f = fields(entry[2])
              ensure_group(dead, group)
              add(dead, f.id or '', f.body or '', f.sent or now_text, f.attrs or '', source)
              moved = moved + 1
            end
            forgotten[#forgotten + 1] = entry_id
          else
            local claimed = redis.call('XCLAIM', stream, group, consumer, 0, entry_id, 'FORCE')[1]
            if claimed and claimed[2] then
              deliver(entry_id, claimed[2], count + 1, first)
            else
              -- The entry was deleted behind the queue's back (XDEL or XTRIM by hand): nothing is left to deliver.
              forgotten[#forgotten + 1] = entry_id
            end
          end
        end

        if delivered < max then
          local read = redis.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', max - delivered, 'STREAMS', stream, '>')
          if read then
            for _, entry in ipairs(read[1][2]) do deliver(entry[1], entry[2], 1, now_text) end
          end
        end

        forget_all(stream, visibility, receipts, group, forgotten)
        if #metas > 0 then
          call_many({'HSET', receipts}, metas)
          call_many({'ZADD', visibility}, deadlines)
        end
        if moved > 0 then redis.call('PUBLISH', ARGV[8], '1') end
        if delivered == 0 then
          local hidden = redis.call('ZRANGE', visibility, 0, 0, 'WITHSCORES')
          local waiting = redis.call('ZRANGE', delayed, 0, 0, 'WITHSCORES')
          local next = -1
          if hidden[2] then next = tonumber(hidden[2]) end
          if waiting[2] and (next < 0 or tonumber(waiting[2]) < next) then next = tonumber(waiting[2]) end
          out[2] = next
        end
        return out
        """);

    /// <summary>Deletes the messages whose receipt tokens still match: KEYS stream, visibility, receipts; ARGV group,
    /// then pairs of entry id and token. Returns how many were deleted.</summary>
    /// <remarks>The token check and the delete are one script, so a receive of the same entry by someone else cannot
    /// land between them: an older handle never deletes a newer delivery. XACK and XDEL together, because an acked
    /// entry left in the stream would still count in XLEN and its body would stay in memory.</remarks>
    public static readonly ServerScript Delete = new(Prelude + """
        local stream, visibility, receipts, group = KEYS[1], KEYS[2], KEYS[3], ARGV[1]
        local ids, seen = {}, {}
        for i = 2, #ARGV, 2 do
          local entry_id = ARGV[i]
          -- seen: the same handle twice in one batch deletes, and counts, once.
          if not seen[entry_id] and token_of(redis.call('HGET', receipts, entry_id)) == ARGV[i + 1] then
            ids[#ids + 1] = entry_id
            seen[entry_id] = true
          end
        end
        forget_all(stream, visibility, receipts, group, ids)
        return #ids
        """);

    /// <summary>Sets when a received message becomes visible again, if its token still matches: KEYS visibility,
    /// receipts; ARGV entry id, token, visibility ms, wake channel. Returns 1 when changed, else 0.</summary>
    /// <remarks>A message made visible at once is news to long-polling receivers, as a send is, so it publishes.</remarks>
    public static readonly ServerScript ChangeVisibility = new(Prelude + """
        local visibility, receipts = KEYS[1], KEYS[2]
        if token_of(redis.call('HGET', receipts, ARGV[1])) ~= ARGV[2] then return 0 end
        local ms = tonumber(ARGV[3])
        redis.call('ZADD', visibility, 'XX', now + ms, ARGV[1])
        if ms == 0 then redis.call('PUBLISH', ARGV[4], '1') end
        return 1
        """);

    /// <summary>Counts visible, in-flight and delayed messages: KEYS stream, delayed, visibility; ARGV group.</summary>
    /// <remarks>XLEN counts every entry, delivered or not; XPENDING's count is the delivered ones not yet deleted.
    /// In-flight entries whose deadline passed and delayed messages that are due count as visible, since the next
    /// receive will take them. A script so that the counts are of one moment.</remarks>
    public static readonly ServerScript Statistics = new(Prelude + """
        local stream, delayed, visibility = KEYS[1], KEYS[2], KEYS[3]
        ensure_group(stream, ARGV[1])
        local pending = redis.call('XPENDING', stream, ARGV[1])[1]
        local expired = redis.call('ZCOUNT', visibility, '-inf', now)
        local due = redis.call('ZCOUNT', delayed, '-inf', now)
        local waiting = redis.call('ZCARD', delayed) - due
        return {redis.call('XLEN', stream) - pending + expired + due, pending - expired, waiting}
        """);

    /// <summary>Removes a closing source's consumer from the group if it holds no pending entry: KEYS stream; ARGV
    /// group, consumer. Returns 1 when removed.</summary>
    /// <remarks>Keeps XINFO CONSUMERS from filling with every process that ever ran. A consumer that still holds
    /// entries stays: deleting it would drop them from the pending entries list, and XPENDING would undercount.</remarks>
    public static readonly ServerScript ReleaseConsumer = new(Prelude + """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local held = redis.pcall('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
        if type(held) ~= 'table' or held.err or #held > 0 then return 0 end
        redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
        return 1
        """);
}
