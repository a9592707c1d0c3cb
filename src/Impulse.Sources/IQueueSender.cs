namespace Impulse.Sources;

/// <summary>
/// Sends messages to queues by name, for functions that feed other functions' pull triggers. Take it in a
/// function class's constructor; the function serializes its own message bodies.
/// </summary>
public interface IQueueSender
{
    /// <summary>Sends <paramref name="body"/> to the queue named <paramref name="queue"/> and returns the message's id
    /// once the queue has stored it.</summary>
    ValueTask<string> SendAsync(string queue, string body, CancellationToken cancel = default);
}

/// <summary>
/// The <see cref="IQueueSender"/> an app registers (<c>services.AddSingleton&lt;IQueueSender&gt;(AmbientQueueSender.Instance)</c>)
/// until the generated <c>CreateServices</c> lets a host add services of its own. It forwards to the sender the
/// current host installed: the local host installs one backed by its queue sources. With none installed (on
/// Lambda) a send is dropped with a warning on standard error, so an app that runs locally still starts and answers
/// on Lambda; <see cref="WithFallback"/> gives a sender for that case instead, such as one on SQS.
/// </summary>
public sealed class AmbientQueueSender : IQueueSender
{
    // Per asynchronous flow first, so several hosts in one process (tests) each reach their own queues; the
    // process-wide one covers code that runs outside an invocation's flow.
    private static readonly AsyncLocal<IQueueSender?> s_flow = new();
    private static volatile IQueueSender? s_process;
    private static int s_warned;

    private AmbientQueueSender()
    {
    }

    /// <summary>The one instance; register it as the app's <see cref="IQueueSender"/>.</summary>
    public static AmbientQueueSender Instance { get; } = new();

    /// <summary>The sender sends go to in this flow, or null when no host installed one.</summary>
    public static IQueueSender? Current => s_flow.Value ?? s_process;

    /// <summary>Makes <paramref name="sender"/> the process's sender (null to remove it); the local host calls this when it starts.</summary>
    public static void InstallForProcess(IQueueSender? sender) => s_process = sender;

    /// <summary>Makes <paramref name="sender"/> the sender of the current asynchronous flow and the work it starts.</summary>
    public static void InstallForFlow(IQueueSender? sender) => s_flow.Value = sender;

    /// <summary>
    /// A sender that sends through the sender the current host installed, or through <paramref name="fallback"/>
    /// where there is none: on Lambda, an SQS-backed sender (<c>Impulse.Sources.Sqs.SqsQueueSender</c>), so one
    /// registration serves the app under the local host and on AWS.
    /// </summary>
    /// <param name="fallback">The sender used when no host installed one.</param>
    public static IQueueSender WithFallback(IQueueSender fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new FallbackSender(fallback);
    }

    /// <inheritdoc/>
    public ValueTask<string> SendAsync(string queue, string body, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(body);
        if (Current is { } sender)
            return sender.SendAsync(queue, body, cancel);
        if (Interlocked.Exchange(ref s_warned, 1) == 0)
        {
            Console.Error.WriteLine(
                $"WARN: no queue sender is installed in this process, so messages sent to '{queue}' and other queues are dropped. To send to SQS on Lambda, register AmbientQueueSender.WithFallback(new SqsQueueSender()) from Impulse.Sources.Sqs.");
        }

        return ValueTask.FromResult("");
    }

    private sealed class FallbackSender(IQueueSender fallback) : IQueueSender
    {
        public ValueTask<string> SendAsync(string queue, string body, CancellationToken cancel = default)
            => (Current ?? fallback).SendAsync(queue, body, cancel);
    }
}
