using System.Globalization;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Impulse.Sources.Sqs;

/// <summary>
/// One SQS queue behind <see cref="IQueueSource"/>. The contract was drawn from SQS, so every call is one SQS API
/// call (or one per ten entries), and SQS itself keeps the semantics: visibility, receive counts, redrive, delays.
/// </summary>
internal sealed class SqsQueueSource : IQueueSource
{
    private const string ReceiptHandleIsInvalid = "ReceiptHandleIsInvalid";

    private static readonly List<string> All = ["All"];
    private static readonly List<string> StatisticsAttributes =
        ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"];

    private readonly IAmazonSQS _client;
    private readonly SqsQueueResolver _resolver;
    private readonly TimeProvider _time;
    private volatile bool _disposed;

    public SqsQueueSource(IAmazonSQS client, string name, string? queueUrl, RedrivePolicy? redrive, TimeProvider time)
    {
        if (redrive is not null && string.Equals(redrive.DeadLetterQueue, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Queue '{Name}' cannot be its own dead-letter queue.", nameof(redrive));
        }

        _client = client;
        _resolver = new SqsQueueResolver(client, name, queueUrl, redrive);
        _time = time;
        Name = name;
    }

    public string Name { get; }

    public async ValueTask<string> SendAsync(
        ReadOnlyMemory<byte> body,
        IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null,
        TimeSpan? delay = null,
        CancellationToken cancel = default)
    {
        var text = SqsMessageMapper.BodyText(body, nameof(body));
        var delaySeconds = DelaySeconds(delay, nameof(delay));
        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
        // Not cancellable once sent: a send cancelled mid-request may be stored anyway, and reporting it cancelled
        // would invite a duplicate.
        var response = await _client.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = url,
            MessageBody = text,
            DelaySeconds = delaySeconds,
            MessageAttributes = SqsMessageMapper.Attributes(attributes),
        }, CancellationToken.None).ConfigureAwait(false);
        return response.MessageId;
    }

    /// <remarks>One SendMessageBatch per ten messages (or per 256 KiB). Not atomic: SQS stores each entry on its
    /// own, so when an entry or a request fails, the messages before it are stored; the exception says how many.</remarks>
    public async ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var entries = new SendMessageBatchRequestEntry[messages.Count];
        var sizes = new int[messages.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var message = messages[i];
            entries[i] = new SendMessageBatchRequestEntry
            {
                Id = i.ToString(CultureInfo.InvariantCulture),
                MessageBody = SqsMessageMapper.BodyText(message.Body, nameof(messages)),
                DelaySeconds = DelaySeconds(message.Delay, nameof(messages)),
                MessageAttributes = SqsMessageMapper.Attributes(message.Attributes),
            };
            sizes[i] = Size(message);
        }

        if (entries.Length == 0)
        {
            return [];
        }

        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
        var ids = new string[entries.Length];
        var start = 0;
        while (start < entries.Length)
        {
            var end = start + 1;
            var bytes = sizes[start];
            while (end < entries.Length && end - start < SqsLimits.BatchEntries && bytes + sizes[end] <= SqsLimits.BatchBytes)
            {
                bytes += sizes[end++];
            }

            SendMessageBatchResponse response;
            try
            {
                response = await _client.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = url, Entries = entries[start..end].ToList() }, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (AmazonSQSException error) when (start > 0)
            {
                throw new InvalidOperationException($"SQS stored the first {start} of {entries.Length} messages sent to '{Name}', then failed: {error.Message}", error);
            }

            foreach (var sent in response.Successful ?? [])
            {
                ids[int.Parse(sent.Id, CultureInfo.InvariantCulture)] = sent.MessageId;
            }

            if (response.Failed is { Count: > 0 } failed)
            {
                var first = failed[0];
                throw new InvalidOperationException(
                    $"SQS refused {failed.Count} of {entries.Length} messages sent to '{Name}' (the others were stored), " +
                    $"for example message {first.Id}: {first.Code}: {first.Message}");
            }

            start = end;
        }

        return ids;
    }

    /// <remarks>At most ten messages per receive, as SQS allows. The wait and the visibility timeout are rounded up to
    /// whole seconds; a wait over 20 seconds takes several long polls.</remarks>
    public async ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(
        int maxMessages,
        TimeSpan visibilityTimeout,
        TimeSpan waitTime,
        CancellationToken cancel = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, SqsLimits.MaxVisibility);
        ArgumentOutOfRangeException.ThrowIfLessThan(waitTime, TimeSpan.Zero);
        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        var started = _time.GetTimestamp();
        while (true)
        {
            var remaining = waitTime - _time.GetElapsedTime(started);
            var wait = remaining > SqsLimits.MaxWaitPerCall ? SqsLimits.MaxWaitPerCall : remaining;
            var request = new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = Math.Min(maxMessages, SqsLimits.BatchEntries),
                VisibilityTimeout = SqsLimits.Seconds(visibilityTimeout),
                WaitTimeSeconds = wait > TimeSpan.Zero ? SqsLimits.Seconds(wait) : 0,
                MessageSystemAttributeNames = All,
                MessageAttributeNames = All,
            };
#pragma warning disable CS0618 // The older name of the same list: SQS-compatible endpoints (local-aws-sqs among them) read only it.
            request.AttributeNames = All;
#pragma warning restore CS0618

            // Cancelling abandons the HTTP request: messages SQS handed out in its answer stay hidden until their
            // visibility timeout ends, which at-least-once delivery allows. Waiting up to 20 s instead would stall
            // every shutdown.
            var response = await _client.ReceiveMessageAsync(request, cancel).ConfigureAwait(false);

            if (response.Messages is { Count: > 0 } messages)
            {
                var now = _time.GetUtcNow();
                return [.. messages.Select(message => SqsMessageMapper.Received(message, now))];
            }

            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_time.GetElapsedTime(started) >= waitTime)
            {
                return [];
            }
        }
    }

    /// <remarks>SQS deletes with a stale handle successfully while deleting nothing, so those count as deleted;
    /// handles it calls invalid (malformed, or of another queue) are skipped.</remarks>
    public async ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(receiptHandles);
        foreach (var handle in receiptHandles)
        {
            ArgumentException.ThrowIfNullOrEmpty(handle, nameof(receiptHandles));
        }

        if (receiptHandles.Count == 0)
        {
            return 0;
        }

        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        var deleted = 0;
        for (var start = 0; start < receiptHandles.Count; start += SqsLimits.BatchEntries)
        {
            var entries = new List<DeleteMessageBatchRequestEntry>(SqsLimits.BatchEntries);
            for (var i = start; i < Math.Min(start + SqsLimits.BatchEntries, receiptHandles.Count); i++)
            {
                entries.Add(new DeleteMessageBatchRequestEntry { Id = i.ToString(CultureInfo.InvariantCulture), ReceiptHandle = receiptHandles[i] });
            }

            var response = await _client.DeleteMessageBatchAsync(new DeleteMessageBatchRequest { QueueUrl = url, Entries = entries }, cancel).ConfigureAwait(false);
            deleted += response.Successful?.Count ?? 0;
            if (response.Failed?.FirstOrDefault(failure => !IsInvalidHandle(failure.Code, failure.Message)) is { } failed)
            {
                throw new InvalidOperationException($"SQS could not delete message {failed.Id} of queue '{Name}': {failed.Code}: {failed.Message}");
            }
        }

        return deleted;
    }

    public async ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiptHandle);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibilityTimeout, SqsLimits.MaxVisibility);
        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        try
        {
            await _client.ChangeMessageVisibilityAsync(new ChangeMessageVisibilityRequest
            {
                QueueUrl = url,
                ReceiptHandle = receiptHandle,
                VisibilityTimeout = SqsLimits.Seconds(visibilityTimeout),
            }, cancel).ConfigureAwait(false);
            return true;
        }
        catch (AmazonSQSException error) when (error is ReceiptHandleIsInvalidException or MessageNotInflightException || IsInvalidHandle(error.ErrorCode, error.Message))
        {
            return false;
        }
    }

    public async ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default)
    {
        var url = await ReadyAsync(cancel).ConfigureAwait(false);
        var response = await _client.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = StatisticsAttributes }, cancel)
            .ConfigureAwait(false);
        var attributes = response.Attributes ?? [];
        return new QueueStatistics(Count(attributes, StatisticsAttributes[0]), Count(attributes, StatisticsAttributes[1]), Count(attributes, StatisticsAttributes[2]));
    }

    /// <summary>Nothing to release: the SQS client belongs to the factory, and SQS holds no per-consumer state.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return ValueTask.CompletedTask;
    }

    private Task<string> ReadyAsync(CancellationToken cancel)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _resolver.GetUrlAsync(cancel);
    }

    private static int? DelaySeconds(TimeSpan? delay, string parameter)
    {
        var value = delay ?? TimeSpan.Zero;
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero, parameter);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, SqsLimits.MaxDelay, parameter);
        // Null leaves the queue's own DelaySeconds in force, as SQS does for a send that names none.
        return value > TimeSpan.Zero ? SqsLimits.Seconds(value) : null;
    }

    /// <summary>What a message counts towards SQS's batch size limit: its body, and its attributes' names, types and values.</summary>
    private static int Size(OutgoingMessage message)
    {
        var size = message.Body.Length;
        foreach (var (attribute, value) in message.Attributes ?? new Dictionary<string, MessageAttributeValue>(0))
        {
            size += Encoding.UTF8.GetByteCount(attribute) + Encoding.UTF8.GetByteCount(value.DataType)
                + (value.StringValue is null ? 0 : Encoding.UTF8.GetByteCount(value.StringValue)) + (value.BinaryValue?.Length ?? 0);
        }

        return size;
    }

    // SQS answers a stale or expired handle with ReceiptHandleIsInvalid, or InvalidParameterValue "...receipt handle has expired".
    private static bool IsInvalidHandle(string? code, string? message)
        => code == ReceiptHandleIsInvalid
            || (code == "InvalidParameterValue" && message?.Contains("receipt handle", StringComparison.OrdinalIgnoreCase) == true);

    private static long Count(Dictionary<string, string> attributes, string name)
        => attributes.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
}
