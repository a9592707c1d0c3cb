
namespace Impulse.Sources.Redis.Tests.Infrastructure;

/// <summary>
/// One test's queues: a factory with a key prefix of its own, every source it opened, and its keys, all removed
/// when disposed.
/// </summary>
internal sealed class TestQueues : IConformanceQueues
{
    private readonly RedisServer _server;
    private readonly List<RedisQueueSourceFactory> _factories = [];
    private readonly List<IQueueSource> _sources = [];
    private readonly TimeSpan _pollInterval;

    private TestQueues(RedisServer server, TimeSpan pollInterval)
    {
        _server = server;
        _pollInterval = pollInterval;
        Factory = NewFactory();
    }

    public string Prefix { get; } = RedisServer.NewPrefix();

    public RedisQueueSourceFactory Factory { get; }

    /// <param name="server">The server.</param>
    /// <param name="pollInterval">How often long polls try again without a wake-up; long by default, so a test
    /// that sees a prompt wake-up knows a pub/sub message or a due deadline did it.</param>
    public static TestQueues Create(RedisServer server, TimeSpan? pollInterval = null) => new(server, pollInterval ?? TimeSpan.FromSeconds(30));

    /// <summary>A new source for the queue (its own consumer), from this test's first factory.</summary>
    public IQueueSource Queue(string name = "orders", RedrivePolicy? redrive = null) => Open(Factory, name, redrive);

    /// <summary>A new source for the queue from a factory of its own, so over a connection of its own.</summary>
    public IQueueSource QueueOnAnotherConnection(string name = "orders") => Open(NewFactory(), name);

    /// <summary>A factory with its own connection, as another process would have.</summary>
    public RedisQueueSourceFactory NewFactory()
    {
        var factory = new RedisQueueSourceFactory(new RedisQueueOptions { Connection = _server.Endpoint, Prefix = Prefix, PollInterval = _pollInterval });
        _factories.Add(factory);
        return factory;
    }

    public IQueueSource Open(RedisQueueSourceFactory factory, string name = "orders", RedrivePolicy? redrive = null)
    {
        var source = factory.Create(new QueueDefinition(name, redrive, new Dictionary<string, string>()));
        _sources.Add(source);
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }

        foreach (var factory in _factories)
        {
            await factory.DisposeAsync();
        }

        await _server.DeleteKeysAsync(Prefix);
    }
}
