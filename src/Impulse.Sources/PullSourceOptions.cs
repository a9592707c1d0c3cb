namespace Impulse.Sources;

/// <summary>
/// Which source serves each queue that pull triggers name. Shaped to bind from configuration by hand
/// (<c>Impulse:Sources:Queues:orders:Provider = redis</c>), with no reflection: names and strings only.
/// </summary>
public sealed class PullSourceOptions
{
    /// <summary>The provider of queues that <see cref="Queues"/> does not list; the embedded durable queue by default.</summary>
    public string DefaultProvider { get; set; } = "embedded";

    /// <summary>Per-queue settings, by queue name (case-sensitive, as SQS queue names are).</summary>
    public Dictionary<string, QueueSourceOptions> Queues { get; } = new(StringComparer.Ordinal);
}

/// <summary>How one queue is served.</summary>
public sealed class QueueSourceOptions
{
    /// <summary>The provider that serves the queue (for example <c>embedded</c>, <c>redis</c>, <c>sqs</c>); null for
    /// <see cref="PullSourceOptions.DefaultProvider"/>.</summary>
    public string? Provider { get; set; }

    /// <summary>The queue's redrive policy; when set it overrides the one a pull trigger declares.</summary>
    public RedrivePolicy? Redrive { get; set; }

    /// <summary>Provider-specific settings, such as a connection string or a queue URL.</summary>
    public Dictionary<string, string> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>Everything a provider needs to open one queue, resolved from configuration and the trigger.</summary>
/// <param name="Name">The queue's name.</param>
/// <param name="Redrive">The redrive policy, or null for none.</param>
/// <param name="Settings">Provider-specific settings; empty when there are none.</param>
public sealed record QueueDefinition(string Name, RedrivePolicy? Redrive, IReadOnlyDictionary<string, string> Settings);
