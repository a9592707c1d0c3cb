using System.Globalization;
using Impulse.Sources.Sqs.Tests.Infrastructure;

namespace Impulse.Sources.Sqs.Tests;

public sealed class QueueBasicsTests
{
    [Fact]
    public async Task Send_receive_delete_delivers_each_message_once()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ids = new List<string>();
        foreach (var body in new[] { "one", "two", "three" })
        {
            ids.Add(await queue.SendAsync(body));
        }

        var received = await queue.ReceiveNow();

        // A standard SQS queue promises no order, so the test compares sets.
        Assert.Equal(["one", "three", "two"], received.Bodies().Order(StringComparer.Ordinal));
        Assert.Equal(ids.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
        Assert.All(received, m => Assert.InRange(m.SentTimestamp, before, DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.All(received, m => Assert.True(m.FirstReceiveTimestamp >= m.SentTimestamp));
        Assert.Equal(3, received.Select(m => m.ReceiptHandle).Distinct().Count());
        Assert.Empty(await queue.ReceiveNow());
        Assert.Equal(new QueueStatistics(0, 3, 0), await queue.GetStatisticsAsync());

        Assert.Equal(3, await queue.DeleteAsync(received.Handles()));
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
    }

    [Fact]
    public async Task Received_message_reports_sqs_system_attributes_as_text()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        await queue.SendAsync("x");

        var message = Assert.Single(await queue.ReceiveNow());

        Assert.Equal("1", message.Attributes[SystemAttributeNames.ApproximateReceiveCount]);
        Assert.Equal(message.SentTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message.Attributes[SystemAttributeNames.SentTimestamp]);
        Assert.Equal(message.FirstReceiveTimestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message.Attributes[SystemAttributeNames.ApproximateFirstReceiveTimestamp]);
        Assert.False(message.Attributes.ContainsKey(SystemAttributeNames.DeadLetterQueueSourceArn));
    }

    [Fact]
    public async Task Message_attributes_round_trip_with_their_data_types()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        var attributes = new Dictionary<string, MessageAttributeValue>
        {
            ["tenant"] = MessageAttributeValue.String("acme \"quoted\" ü"),
            ["priority"] = MessageAttributeValue.Number("7"),
            ["blob"] = MessageAttributeValue.Binary([9, 8, 7, 0, 255]),
            ["custom"] = new() { DataType = "String.uuid", StringValue = "abc" },
        };

        await queue.SendAsync("text body ü 😀", attributes);
        var message = Assert.Single(await queue.ReceiveNow());

        Assert.Equal("text body ü 😀", message.GetBodyText());
        Assert.Equal(4, message.MessageAttributes.Count);
        Assert.Equal("acme \"quoted\" ü", message.MessageAttributes["tenant"].StringValue);
        Assert.Equal(("Number", "7"), (message.MessageAttributes["priority"].DataType, message.MessageAttributes["priority"].StringValue));
        Assert.Equal("Binary", message.MessageAttributes["blob"].DataType);
        Assert.Equal([9, 8, 7, 0, 255], message.MessageAttributes["blob"].BinaryValue!);
        Assert.Null(message.MessageAttributes["blob"].StringValue);
        Assert.Equal(("String.uuid", "abc"), (message.MessageAttributes["custom"].DataType, message.MessageAttributes["custom"].StringValue));
    }

    [Fact]
    public async Task Bodies_sqs_cannot_carry_are_refused_before_anything_is_sent()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();

        var empty = await Assert.ThrowsAsync<ArgumentException>(async () => await queue.SendAsync(ReadOnlyMemory<byte>.Empty));
        var binary = await Assert.ThrowsAsync<ArgumentException>(async () => await queue.SendAsync(new byte[] { 0, 1, 2, 255, 254 }));
        var control = await Assert.ThrowsAsync<ArgumentException>(async () => await queue.SendBatchAsync([OutgoingMessage.FromText("ok"), OutgoingMessage.FromText("bell \u0007")]));

        Assert.Contains("at least one character", empty.Message, StringComparison.Ordinal);
        Assert.Contains("not valid UTF-8", binary.Message, StringComparison.Ordinal);
        Assert.Contains("U+0007", control.Message, StringComparison.Ordinal);
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Batches_larger_than_sqs_allows_are_split_into_calls_of_ten()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();

        var ids = await queue.SendBatchAsync([.. Enumerable.Range(0, 25).Select(i => OutgoingMessage.FromText($"m{i}"))]);
        var received = new List<ReceivedMessage>();
        while (received.Count < 25 && await queue.ReceiveAsync(25, QueueAssert.Long, TimeSpan.FromSeconds(1)) is { Count: > 0 } batch)
        {
            // SQS returns at most ten messages per receive, whatever the caller asks for.
            Assert.InRange(batch.Count, 1, 10);
            received.AddRange(batch);
        }

        Assert.Equal(25, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), received.Select(m => m.MessageId).Order(StringComparer.Ordinal));
        Assert.Equal(25, await queue.DeleteAsync(received.Handles()));
        await queue.AssertStatisticsAsync(new QueueStatistics(0, 0, 0));
        Assert.Empty(await queue.SendBatchAsync([]));
        Assert.Equal(0, await queue.DeleteAsync([]));
    }

    [Fact]
    public async Task Batch_of_large_messages_is_split_by_size_as_well()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();
        var big = new string('x', 100 * 1024);

        // Three 100 KiB messages exceed 256 KiB together; one request would be refused.
        var ids = await queue.SendBatchAsync([.. Enumerable.Range(0, 3).Select(i => OutgoingMessage.FromText($"{i}{big}"))]);

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(new QueueStatistics(3, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Invalid_arguments_are_rejected_before_anything_is_stored()
    {
        await using var endpoint = TestEndpoint.Create();
        var queue = endpoint.Queue();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(0, TimeSpan.FromSeconds(1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(1, TimeSpan.FromSeconds(-1), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.ReceiveAsync(1, TimeSpan.FromHours(13), TimeSpan.Zero));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.SendAsync("x", delay: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await queue.SendAsync("x", delay: TimeSpan.FromMinutes(16)));
        Assert.Equal(new QueueStatistics(0, 0, 0), await queue.GetStatisticsAsync());
    }

    [Fact]
    public async Task Queue_url_setting_is_used_as_it_is_and_the_queue_is_not_created()
    {
        await using var endpoint = TestEndpoint.Create();
        var name = endpoint.QueueName("existing");
        var url = (await endpoint.Client.CreateQueueAsync(name)).QueueUrl;
        var byUrl = endpoint.Queue("by-url", settings: new() { [SqsQueueSourceFactory.QueueUrlSetting] = url });

        await byUrl.SendAsync("via url");

        Assert.Equal(["via url"], (await endpoint.Queue("existing").ReceiveNow()).Bodies());
        await Assert.ThrowsAnyAsync<Amazon.SQS.AmazonSQSException>(() => endpoint.Client.GetQueueUrlAsync(endpoint.QueueName("by-url")));
    }

    [Fact]
    public async Task Existing_queue_with_another_redrive_policy_is_a_clear_error_and_is_left_unchanged()
    {
        await using var endpoint = TestEndpoint.Create();
        await endpoint.Queue("orders").GetStatisticsAsync();

        var redriven = endpoint.Queue("orders", new RedrivePolicy("orders-dlq", 3));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await redriven.SendAsync("x"));

        Assert.Contains("exists with redrive policy none", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 3 receives", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Factory_rejects_bad_settings_and_registry_serves_queues_by_the_sqs_provider_name()
    {
        await using var endpoint = TestEndpoint.Create();
        var factory = new SqsQueueSourceFactory();
        Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("q", null, new Dictionary<string, string> { ["serviceUrl"] = "ftp://x" })));
        Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("q", null, new Dictionary<string, string> { ["serviceUrl"] = endpoint.ServiceUrl, ["accessKey"] = "a" })));
        Assert.Throws<InvalidOperationException>(() => factory.Create(new QueueDefinition("q", null, new Dictionary<string, string> { ["queueUrl"] = "not a url" })));

        var options = new PullSourceOptions { DefaultProvider = "SQS" };
        await using var registry = new QueueSourceRegistry([endpoint.Factory], options);
        var name = endpoint.QueueName("registry");
        var queue = registry.GetQueue(name);
        await queue.SendAsync("via registry");

        Assert.Same(queue, registry.GetQueue(name));
        Assert.Equal(["via registry"], (await queue.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task A_queue_cannot_be_its_own_dead_letter_queue()
    {
        await using var endpoint = TestEndpoint.Create();

        Assert.Throws<ArgumentException>(() => endpoint.Factory.Create(new QueueDefinition("orders", new RedrivePolicy("orders", 3), new Dictionary<string, string>())));
    }
}
