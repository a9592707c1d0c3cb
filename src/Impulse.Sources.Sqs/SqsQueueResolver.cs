using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Impulse.Sources.Sqs;

/// <summary>
/// Finds a queue's URL: the configured <c>queueUrl</c>, or GetQueueUrl by name, creating the queue (and its
/// dead-letter queue) with CreateQueue when it does not exist. A queue that exists with another redrive policy than
/// the one declared is an error rather than reconfigured: the queue may be shared infrastructure.
/// </summary>
internal sealed class SqsQueueResolver(IAmazonSQS client, string name, string? queueUrl, RedrivePolicy? redrive)
{
    private const string RedrivePolicyAttribute = "RedrivePolicy";
    private const string QueueArnAttribute = "QueueArn";

    private readonly Lock _lock = new();
    private Task<string>? _url;

    /// <summary>The queue's URL, resolved once; a failed attempt is retried on the next call.</summary>
    public Task<string> GetUrlAsync(CancellationToken cancel)
    {
        Task<string> url;
        lock (_lock)
        {
            if (_url is null || _url.IsFaulted || _url.IsCanceled)
            {
                _url = ResolveAsync();
            }

            url = _url;
        }

        return url.IsCompletedSuccessfully ? url : url.WaitAsync(cancel);
    }

    private async Task<string> ResolveAsync()
    {
        if (queueUrl is not null)
        {
            if (redrive is not null)
            {
                await CheckRedriveAsync(queueUrl).ConfigureAwait(false);
            }

            return queueUrl;
        }

        if (await FindAsync(name).ConfigureAwait(false) is { } existing)
        {
            if (redrive is not null)
            {
                await CheckRedriveAsync(existing).ConfigureAwait(false);
            }

            return existing;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (redrive is not null)
        {
            var deadLetterUrl = await FindAsync(redrive.DeadLetterQueue).ConfigureAwait(false)
                ?? (await client.CreateQueueAsync(new CreateQueueRequest { QueueName = redrive.DeadLetterQueue }).ConfigureAwait(false)).QueueUrl;
            attributes[RedrivePolicyAttribute] = RedrivePolicyJson(await ArnAsync(deadLetterUrl).ConfigureAwait(false), redrive.MaxReceiveCount);
        }

        try
        {
            return (await client.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes }).ConfigureAwait(false)).QueueUrl;
        }
        catch (QueueNameExistsException)
        {
            // Another process created it in between, with attributes of its own: check them as for any existing queue.
            var url = await FindAsync(name).ConfigureAwait(false) ?? throw new InvalidOperationException($"SQS queue '{name}' exists and yet cannot be found.");
            if (redrive is not null)
            {
                await CheckRedriveAsync(url).ConfigureAwait(false);
            }

            return url;
        }
    }

    private async Task<string?> FindAsync(string queueName)
    {
        try
        {
            return (await client.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = queueName }).ConfigureAwait(false)).QueueUrl;
        }
        catch (QueueDoesNotExistException)
        {
            return null;
        }
    }

    private async Task<string> ArnAsync(string url)
    {
        var response = await client.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueArnAttribute] }).ConfigureAwait(false);
        return response.Attributes?.GetValueOrDefault(QueueArnAttribute)
            ?? throw new InvalidOperationException($"SQS did not report the ARN of queue {url}.");
    }

    private async Task CheckRedriveAsync(string url)
    {
        var response = await client.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [RedrivePolicyAttribute] }).ConfigureAwait(false);
        var json = response.Attributes?.GetValueOrDefault(RedrivePolicyAttribute);
        var (target, maxReceiveCount) = json is null ? (null, 0) : ParseRedrivePolicy(json);
        // An ARN ends with the queue's name: arn:aws:sqs:REGION:ACCOUNT:NAME.
        if (target is null || !target.EndsWith(":" + redrive!.DeadLetterQueue, StringComparison.Ordinal) || maxReceiveCount != redrive.MaxReceiveCount)
        {
            throw new InvalidOperationException(
                $"SQS queue '{name}' exists with redrive policy {json ?? "none"}, but Impulse declares '{redrive!.DeadLetterQueue}' after {redrive.MaxReceiveCount} receives. " +
                "Impulse does not reconfigure existing queues: set the queue's RedrivePolicy to match, or declare the policy it has.");
        }
    }

    /// <summary>SQS's RedrivePolicy attribute: a JSON object, written by hand so no reflection is needed.</summary>
    internal static string RedrivePolicyJson(string deadLetterTargetArn, int maxReceiveCount)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("deadLetterTargetArn", deadLetterTargetArn);
            writer.WriteString("maxReceiveCount", maxReceiveCount.ToString(CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    internal static (string? Target, int MaxReceiveCount) ParseRedrivePolicy(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var target = root.TryGetProperty("deadLetterTargetArn", out var arn) && arn.ValueKind == JsonValueKind.String ? arn.GetString() : null;
            // SQS writes the count as a number; the documentation's examples write it as a string. Accept both.
            var count = root.TryGetProperty("maxReceiveCount", out var value)
                ? value.ValueKind switch
                {
                    JsonValueKind.Number when value.TryGetInt32(out var number) => number,
                    JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
                    _ => 0,
                }
                : 0;
            return (target, count);
        }
        catch (JsonException)
        {
            return (null, 0);
        }
    }
}
