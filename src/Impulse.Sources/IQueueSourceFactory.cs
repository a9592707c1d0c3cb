namespace Impulse.Sources;

/// <summary>
/// Opens queues of one provider: the embedded database, a Redis server, a RabbitMQ broker, an SQS endpoint.
/// A factory owns whatever its queues share (a database file, a connection) and is disposed by its owner,
/// after the queues it opened.
/// </summary>
public interface IQueueSourceFactory
{
    /// <summary>The provider name configuration selects it by, compared ignoring case (for example <c>embedded</c>).</summary>
    string Provider { get; }

    /// <summary>Opens the queue <paramref name="definition"/> describes, creating it if the provider can.</summary>
    /// <exception cref="InvalidOperationException">The definition cannot be served, for example a setting is missing.</exception>
    IQueueSource Create(QueueDefinition definition);
}
