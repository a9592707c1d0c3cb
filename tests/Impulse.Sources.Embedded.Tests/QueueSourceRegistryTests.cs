using Impulse.Sources.Embedded.Tests.Infrastructure;

namespace Impulse.Sources.Embedded.Tests;

public sealed class QueueSourceRegistryTests
{
    [Fact]
    public async Task Unconfigured_queue_is_served_by_the_embedded_default_and_opened_once()
    {
        await using var test = TestDatabase.Create();
        await using var factory = new EmbeddedQueueSourceFactory(test.Options);
        await using var registry = new QueueSourceRegistry([factory], new PullSourceOptions());

        var first = registry.GetQueue("orders");
        var second = registry.GetQueue("orders");
        await first.SendAsync("via registry");

        Assert.Same(first, second);
        Assert.Equal("orders", first.Name);
        Assert.Equal(["via registry"], (await second.ReceiveNow()).Bodies());
    }

    [Fact]
    public async Task Configured_provider_picks_the_factory_by_name_ignoring_case()
    {
        var options = new PullSourceOptions();
        options.Queues["events"] = new QueueSourceOptions { Provider = "FAKE" };
        options.Queues["events"].Settings["Url"] = "http://127.0.0.1:1/queue";
        var fake = new RecordingFactory("fake");
        await using var test = TestDatabase.Create();
        await using var embedded = new EmbeddedQueueSourceFactory(test.Options);
        await using var registry = new QueueSourceRegistry([embedded, fake], options);

        registry.GetQueue("events");

        var definition = Assert.Single(fake.Created);
        Assert.Equal("events", definition.Name);
        Assert.Equal("http://127.0.0.1:1/queue", definition.Settings["url"]);
    }

    [Fact]
    public async Task Configured_redrive_policy_wins_over_the_declared_one()
    {
        var options = new PullSourceOptions { DefaultProvider = "fake" };
        options.Queues["orders"] = new QueueSourceOptions { Redrive = new RedrivePolicy("configured-dlq", 5) };
        var fake = new RecordingFactory("fake");
        await using var registry = new QueueSourceRegistry([fake], options);

        registry.GetQueue("orders", new RedrivePolicy("declared-dlq", 2));
        registry.GetQueue("other", new RedrivePolicy("declared-dlq", 2));

        Assert.Equal(new RedrivePolicy("configured-dlq", 5), fake.Created[0].Redrive);
        Assert.Equal(new RedrivePolicy("declared-dlq", 2), fake.Created[1].Redrive);
    }

    [Fact]
    public async Task Two_triggers_declaring_different_redrive_policies_for_one_queue_is_an_error()
    {
        await using var registry = new QueueSourceRegistry([new RecordingFactory("embedded")], new PullSourceOptions());
        registry.GetQueue("orders", new RedrivePolicy("dlq", 3));

        Assert.Same(registry.GetQueue("orders", new RedrivePolicy("dlq", 3)), registry.GetQueue("orders", new RedrivePolicy("dlq", 3)));
        var error = Assert.Throws<InvalidOperationException>(() => registry.GetQueue("orders", new RedrivePolicy("dlq", 4)));
        Assert.Contains("'orders'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letter_queue_on_another_provider_is_rejected_with_both_names()
    {
        var options = new PullSourceOptions();
        options.Queues["orders-dlq"] = new QueueSourceOptions { Provider = "redis" };
        await using var registry = new QueueSourceRegistry([new RecordingFactory("embedded"), new RecordingFactory("redis")], options);

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetQueue("orders", new RedrivePolicy("orders-dlq", 3)));

        Assert.Contains("'orders-dlq'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'redis'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_provider_names_the_known_ones()
    {
        var options = new PullSourceOptions { DefaultProvider = "rabbitmq" };
        await using var registry = new QueueSourceRegistry([new RecordingFactory("embedded")], options);

        var error = Assert.Throws<InvalidOperationException>(() => registry.GetQueue("orders"));

        Assert.Contains("'rabbitmq'", error.Message, StringComparison.Ordinal);
        Assert.Contains("embedded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_open_is_retried_on_the_next_call()
    {
        var fake = new RecordingFactory("embedded") { FailuresLeft = 1 };
        await using var registry = new QueueSourceRegistry([fake], new PullSourceOptions());

        Assert.Throws<InvalidOperationException>(() => registry.GetQueue("orders"));

        Assert.Equal("orders", registry.GetQueue("orders").Name);
    }

    [Fact]
    public void Two_factories_for_one_provider_are_rejected()
        => Assert.Throws<ArgumentException>(() => new QueueSourceRegistry([new RecordingFactory("x"), new RecordingFactory("X")], new PullSourceOptions()));

    [Fact]
    public async Task Disposing_the_registry_disposes_the_queues_it_opened()
    {
        var fake = new RecordingFactory("embedded");
        var registry = new QueueSourceRegistry([fake], new PullSourceOptions());
        registry.GetQueue("a");
        registry.GetQueue("b");

        await registry.DisposeAsync();

        Assert.Equal(2, fake.Disposed);
        Assert.Throws<ObjectDisposedException>(() => registry.GetQueue("a"));
    }

    /// <summary>A provider that records what it was asked to open and hands out inert queues.</summary>
    private sealed class RecordingFactory(string provider) : IQueueSourceFactory
    {
        public List<QueueDefinition> Created { get; } = [];

        public int Disposed { get; private set; }

        public int FailuresLeft { get; set; }

        public string Provider => provider;

        public IQueueSource Create(QueueDefinition definition)
        {
            if (FailuresLeft-- > 0)
            {
                throw new InvalidOperationException("The broker is not up yet.");
            }

            Created.Add(definition);
            return new InertQueue(definition.Name, () => Disposed++);
        }
    }

    private sealed class InertQueue(string name, Action disposed) : IQueueSource
    {
        public string Name => name;

        public ValueTask<string> SendAsync(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, MessageAttributeValue>? attributes = null, TimeSpan? delay = null, CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<string>> SendBatchAsync(IReadOnlyList<OutgoingMessage> messages, CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask<IReadOnlyList<ReceivedMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, TimeSpan waitTime, CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask<int> DeleteAsync(IReadOnlyList<string> receiptHandles, CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask<bool> ChangeVisibilityAsync(string receiptHandle, TimeSpan visibilityTimeout, CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask<QueueStatistics> GetStatisticsAsync(CancellationToken cancel = default)
            => throw new NotSupportedException();

        public ValueTask DisposeAsync()
        {
            disposed();
            return ValueTask.CompletedTask;
        }
    }
}
