using Impulse.Hosting.Manifest;
using Impulse.Sources;

namespace Impulse.Hosting.Polling;

/// <summary>
/// The app's queues by name, on the sources configuration selects, each with the redrive policy its pull triggers
/// declare. Pollers, the queue sender and tests all open queues here, so a queue is opened once with one policy.
/// </summary>
internal sealed class QueueDirectory(QueueSourceRegistry registry, IReadOnlyDictionary<string, RedrivePolicy?> declared) : IAsyncDisposable
{
    /// <summary>The queue <paramref name="name"/>: the one the pollers read when a trigger names it.</summary>
    /// <exception cref="InvalidOperationException">No configured provider serves it, or its broker cannot be reached.</exception>
    public IQueueSource Get(string name) => registry.GetQueue(name, declared.GetValueOrDefault(name));

    public ValueTask DisposeAsync() => registry.DisposeAsync();

    /// <summary>
    /// The redrive policy each trigger's queue gets: Lambda's <c>maxRetryAttempts</c> as SQS's <c>maxReceiveCount</c>
    /// (the first receive plus the retries), when the trigger names a dead-letter queue.
    /// </summary>
    /// <exception cref="InvalidOperationException">Two triggers of one queue declare different policies.</exception>
    public static Dictionary<string, RedrivePolicy?> DeclaredRedrives(IEnumerable<FunctionSpec> functions)
    {
        var declared = new Dictionary<string, RedrivePolicy?>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var trigger in function.QueueTriggers)
            {
                var policy = trigger.DeadLetterQueue is { } dlq ? new RedrivePolicy(dlq, trigger.MaxRetryAttempts + 1) : null;
                if (declared.TryGetValue(trigger.Queue, out var other) && other != policy)
                {
                    throw new InvalidOperationException(
                        $"Pull triggers of queue '{trigger.Queue}' declare different dead-letter settings; declare the same DeadLetterQueue and MaxRetryAttempts on each.");
                }

                declared[trigger.Queue] = policy;
            }
        }

        return declared;
    }
}
