using StackExchange.Redis;

namespace Impulse.Sources.Redis;

/// <summary>
/// The Redis keys and the wake-up channel of one queue, all named <c>{prefix}:{name}</c> or below it, so
/// <c>SCAN MATCH prefix:*</c> finds everything an app's queues keep. Queue names cannot contain ':' (see
/// <see cref="IsValidName"/>), so no queue's stream can be another queue's auxiliary key.
/// </summary>
/// <remarks>The scripts touch a queue's keys and its dead-letter queue's stream together. On Redis Cluster that needs
/// them in one hash slot: use a hash tag as the prefix (<c>{impulse}</c>), which puts an app's queues in one slot.</remarks>
internal sealed class QueueKeys
{
    public QueueKeys(string prefix, string name)
    {
        var root = $"{prefix}:{name}";
        Name = name;
        Stream = root;
        Delayed = root + ":delayed";
        Visibility = root + ":visibility";
        Receipts = root + ":receipts";
        WakeChannelName = root + ":wake";
        WakeChannel = RedisChannel.Literal(WakeChannelName);
    }

    public string Name { get; }

    /// <summary>The stream of messages, read through the consumer group.</summary>
    public RedisKey Stream { get; }

    /// <summary>Messages sent with a delay that has not ended, scored by when they are due.</summary>
    public RedisKey Delayed { get; }

    /// <summary>Received, undeleted entries scored by when they become visible again.</summary>
    public RedisKey Visibility { get; }

    /// <summary>Per received entry: receive count, first receive time, and the latest receive's token.</summary>
    public RedisKey Receipts { get; }

    /// <summary>Published to when messages become visible at once, so long-polling receivers wake.</summary>
    public RedisChannel WakeChannel { get; }

    /// <summary>The channel's name, as the scripts publish to it.</summary>
    public string WakeChannelName { get; }

    /// <summary>SQS's rule for queue names (letters, digits, '-' and '_', at most 80), plus '.' for <c>.fifo</c>
    /// names; it keeps ':' and the hash-tag braces out of keys.</summary>
    public static bool IsValidName(string name)
    {
        if (name.Length is 0 or > 80)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
