namespace Impulse.Sources.Redis;

/// <summary>Defaults for the queues a <see cref="RedisQueueSourceFactory"/> opens; a queue's own settings
/// (<c>connection</c>, <c>prefix</c>) override them.</summary>
public sealed class RedisQueueOptions
{
    /// <summary>The StackExchange.Redis configuration string of the server (<c>host:port</c>, optionally followed by
    /// options such as <c>,password=...</c>); a local server on the default port unless set.</summary>
    public string Connection { get; set; } = "127.0.0.1:6379";

    /// <summary>The start of every key the queues use: a queue's stream is <c>{Prefix}:{name}</c>. On Redis Cluster,
    /// make it a hash tag such as <c>{impulse}</c> so a queue and its dead-letter queue share a slot.</summary>
    public string Prefix { get; set; } = "impulse";

    /// <summary>The consumer group every queue is read through. Every process reading a queue must use the same one:
    /// each group sees every message, so two groups would each deliver it.</summary>
    public string ConsumerGroup { get; set; } = "impulse";

    /// <summary>
    /// The longest a long-polling receive waits between attempts. Sends, messages made visible at once and moves to a
    /// dead-letter queue wake receivers through a pub/sub message, and a receive sleeps only until the next hidden or
    /// delayed message is due; this interval only bounds how late a wake-up lost with a dropped connection is made up.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
