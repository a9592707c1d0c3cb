using RabbitMQ.Client;

namespace Impulse.Sources.RabbitMq.Tests.Infrastructure;

/// <summary>
/// A factory on the broker that <c>IMPULSE_RABBITMQ</c> names, with queue names unique to one test, so tests run in
/// parallel on one broker without seeing each other's messages. Disposing it deletes the queues it opened.
/// </summary>
internal sealed class TestBroker : IConformanceQueues
{
    public const string Variable = "IMPULSE_RABBITMQ";

    private readonly string _prefix = $"impulse-test-{Guid.NewGuid():N}"[..24];
    private readonly List<RabbitMqQueueSourceFactory> _factories = [];
    private readonly List<IQueueSource> _queues = [];
    private readonly HashSet<string> _names = [];

    private TestBroker(string uri)
    {
        Uri = uri;
        Factory = NewFactory();
    }

    public string Uri { get; }

    public RabbitMqQueueSourceFactory Factory { get; }

    /// <exception cref="InvalidOperationException">No broker is configured; the message says how to start one.</exception>
    public static TestBroker Create()
    {
        var uri = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so there is no RabbitMQ broker to test against. Start one with " +
                "`eval \"$(tests/services/rabbitmq.sh start)\"` (installs rabbitmq-server if missing, listens on 127.0.0.1:5672) " +
                $"or export {Variable}=amqp://USER:PASSWORD@HOST:5672/ for a broker of your own.");
        }

        return new TestBroker(uri);
    }

    /// <summary>Another factory, with a connection of its own: another process, as far as the broker can tell.</summary>
    public RabbitMqQueueSourceFactory NewFactory()
    {
        var factory = new RabbitMqQueueSourceFactory(Uri);
        _factories.Add(factory);
        return factory;
    }

    /// <summary>The full broker-side name of a test queue, deleted when the test ends.</summary>
    public string QueueName(string name)
    {
        var full = $"{_prefix}-{name}";
        _names.Add(full);
        return full;
    }

    public IQueueSource Queue(string name = "orders", RedrivePolicy? redrive = null, RabbitMqQueueSourceFactory? factory = null, Dictionary<string, string>? settings = null)
    {
        var full = QueueName(name);
        var fullRedrive = redrive is null ? null : new RedrivePolicy(QueueName(redrive.DeadLetterQueue), redrive.MaxReceiveCount);

        var queue = (factory ?? Factory).Create(new QueueDefinition(full, fullRedrive, settings ?? []));
        _queues.Add(queue);
        return queue;
    }

    IQueueSource IConformanceQueues.Queue(string name, RedrivePolicy? redrive) => Queue(name, redrive);

    public IQueueSource QueueOnAnotherConnection(string name = "orders") => Queue(name, factory: NewFactory());

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
        {
            await queue.DisposeAsync();
        }

        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        // Best effort: a queue left behind fails no test, it only clutters the broker.
        try
        {
            var connectionFactory = new ConnectionFactory { Uri = new Uri(Uri), AutomaticRecoveryEnabled = false };
            await using var connection = await connectionFactory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            foreach (var name in _names)
            {
                await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            }
        }
        catch (Exception error) when (error is RabbitMQ.Client.Exceptions.RabbitMQClientException or IOException or TimeoutException)
        {
        }
    }
}
