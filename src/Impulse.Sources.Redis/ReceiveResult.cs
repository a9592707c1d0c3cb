using StackExchange.Redis;

namespace Impulse.Sources.Redis;

/// <summary>Reads the reply of <see cref="QueueScripts.Receive"/>: <c>{now, next, then 8 values per message}</c>.</summary>
internal static class ReceiveResult
{
    private const int ValuesPerMessage = 8;

    /// <param name="result">The script's reply.</param>
    /// <param name="token">The token the receive passed to the script, which every handle of its messages carries.</param>
    /// <returns>The messages in delivery order; the server's Unix ms; and, when none were delivered, the Unix ms at
    /// which the next hidden or delayed message is due, or -1.</returns>
    public static (IReadOnlyList<ReceivedMessage> Messages, long Now, long Next) Read(RedisResult result, string token)
    {
        var values = (RedisResult[])result!;
        var now = (long)values[0];
        var next = (long)values[1];
        var count = (values.Length - 2) / ValuesPerMessage;
        if (count == 0)
        {
            return ([], now, next);
        }

        var messages = new ReceivedMessage[count];
        for (var i = 0; i < count; i++)
        {
            var at = 2 + (i * ValuesPerMessage);
            var deadLetterFrom = (string?)values[at + 7];
            messages[i] = new ReceivedMessage
            {
                MessageId = (string)values[at + 1]!,
                ReceiptHandle = ReceiptHandle.Format((string)values[at]!, token),
                Body = (byte[]?)values[at + 2] ?? [],
                SentTimestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)values[at + 3]),
                MessageAttributes = MessageAttributeCodec.Decode((string?)values[at + 4]),
                ReceiveCount = (int)values[at + 5],
                FirstReceiveTimestamp = DateTimeOffset.FromUnixTimeMilliseconds((long)values[at + 6]),
                ExtraAttributes = string.IsNullOrEmpty(deadLetterFrom)
                    ? null
                    : new Dictionary<string, string>(1) { [SystemAttributeNames.DeadLetterQueueSourceArn] = deadLetterFrom },
            };
        }

        return (messages, now, next);
    }
}
