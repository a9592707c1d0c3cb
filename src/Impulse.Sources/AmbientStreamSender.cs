namespace Impulse.Sources;

/// <summary>
/// The <see cref="IStreamSender"/> a function uses to put records on streams (<c>AmbientStreamSender.Instance</c>, or
/// registered as the app's <see cref="IStreamSender"/>). It forwards to the sender the current host installed: the
/// local host installs one backed by its streams. With none installed (on Lambda, where a Kinesis-backed sender does
/// not exist yet) a put fails with <see cref="InvalidOperationException"/> rather than losing the record unseen.
/// </summary>
public sealed class AmbientStreamSender : IStreamSender
{
    // Per asynchronous flow first, so several hosts in one process (tests) each reach their own streams.
    private static readonly AsyncLocal<IStreamSender?> s_flow = new();
    private static volatile IStreamSender? s_process;

    private AmbientStreamSender()
    {
    }

    /// <summary>The one instance.</summary>
    public static AmbientStreamSender Instance { get; } = new();

    /// <summary>The sender puts go to in this flow, or null when no host installed one.</summary>
    public static IStreamSender? Current => s_flow.Value ?? s_process;

    /// <summary>Makes <paramref name="sender"/> the process's sender (null to remove it); the local host calls this when it starts.</summary>
    public static void InstallForProcess(IStreamSender? sender) => s_process = sender;

    /// <summary>Makes <paramref name="sender"/> the sender of the current asynchronous flow and the work it starts.</summary>
    public static void InstallForFlow(IStreamSender? sender) => s_flow.Value = sender;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No host installed a sender in this process.</exception>
    public ValueTask<StreamPutResult> PutRecordAsync(string stream, string partitionKey, ReadOnlyMemory<byte> data, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        return Current is { } sender
            ? sender.PutRecordAsync(stream, partitionKey, data, cancel)
            : throw new InvalidOperationException(
                $"No stream sender is installed in this process (on Lambda, putting records to Kinesis is not supported yet), so the record for stream '{stream}' was not put.");
    }
}
