using Impulse.Sources;
using Impulse.Sources.Embedded;
using Impulse.Sources.RabbitMq;
using Impulse.Sources.Redis;
using Impulse.Sources.Sqs;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Config;

/// <summary>
/// The queue providers the local host serves with no code from the app: <c>embedded</c>, <c>redis</c>,
/// <c>rabbitmq</c> and <c>sqs</c>, each with the defaults configuration gives it. The brokers' factories connect on
/// a queue's first use, so a provider no queue names costs nothing. Disposing closes the brokers' connections (the
/// embedded factory is the host's, shared with asynchronous invocations, and closed by it).
/// </summary>
internal sealed class BuiltInSources : IAsyncDisposable
{
    private readonly RedisQueueSourceFactory _redis;
    private readonly RabbitMqQueueSourceFactory _rabbitMq;
    private readonly SqsQueueSourceFactory _sqs;

    public BuiltInSources(IConfiguration configuration, EmbeddedQueueSourceFactory embedded)
    {
        _redis = new RedisQueueSourceFactory(SourceConfiguration.ReadRedis(configuration));
        _rabbitMq = new RabbitMqQueueSourceFactory(SourceConfiguration.ReadRabbitMqUri(configuration));
        _sqs = new SqsQueueSourceFactory(SourceConfiguration.ReadSqs(configuration));
        Factories = [embedded, _redis, _rabbitMq, _sqs];
    }

    /// <summary>One factory per built-in provider name.</summary>
    public IReadOnlyList<IQueueSourceFactory> Factories { get; }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync().ConfigureAwait(false);
        await _rabbitMq.DisposeAsync().ConfigureAwait(false);
        await _sqs.DisposeAsync().ConfigureAwait(false);
    }
}
