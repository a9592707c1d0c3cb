using System.Collections.Concurrent;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Impulse.Sources.Sqs;

/// <summary>
/// An <see cref="IQueueSender"/> on Amazon SQS, for functions deployed to Lambda, where no local host serves queues:
/// a queue name is resolved to its URL once (with <c>GetQueueUrl</c>, in the account and region the function runs
/// in, unless a URL was given for it), then each message is one <c>SendMessage</c>. It never creates queues: on AWS
/// they belong to the deployment. The function's role needs <c>sqs:GetQueueUrl</c> and <c>sqs:SendMessage</c>.
/// </summary>
/// <remarks>
/// Register it as the fallback of the local host's sender, so one line serves both modes:
/// <c>services.AddSingleton(AmbientQueueSender.WithFallback(new SqsQueueSender()))</c>.
/// </remarks>
public sealed class SqsQueueSender : IQueueSender, IDisposable
{
    private readonly Lazy<IAmazonSQS> _client;
    private readonly bool _ownsClient;
    private readonly IReadOnlyDictionary<string, string> _urls;
    // A task per queue, so concurrent first sends look the URL up once; a failed lookup is not kept.
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _resolved = new(StringComparer.Ordinal);

    /// <summary>
    /// A sender with an SQS client of its own, created on the first send with the SDK's defaults: on Lambda, the
    /// region in <c>AWS_REGION</c> and the function role's credentials.
    /// </summary>
    /// <param name="queueUrls">URLs by queue name, for queues that are not found by name (another account, say).</param>
    public SqsQueueSender(IReadOnlyDictionary<string, string>? queueUrls = null)
    {
        _client = new Lazy<IAmazonSQS>(() => new AmazonSQSClient());
        _ownsClient = true;
        _urls = CheckUrls(queueUrls);
    }

    /// <summary>A sender on <paramref name="client"/>, which the app configured and disposes.</summary>
    /// <param name="client">The SQS client to send with.</param>
    /// <param name="queueUrls">URLs by queue name, for queues that are not found by name.</param>
    public SqsQueueSender(IAmazonSQS client, IReadOnlyDictionary<string, string>? queueUrls = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = new Lazy<IAmazonSQS>(client);
        _urls = CheckUrls(queueUrls);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The body is empty or holds characters SQS refuses.</exception>
    /// <exception cref="InvalidOperationException">No queue of that name exists in the account and region.</exception>
    public async ValueTask<string> SendAsync(string queue, string body, CancellationToken cancel = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queue);
        ArgumentNullException.ThrowIfNull(body);
        var text = SqsMessageMapper.BodyText(Encoding.UTF8.GetBytes(body), nameof(body));
        var url = await UrlAsync(queue).WaitAsync(cancel).ConfigureAwait(false);
        cancel.ThrowIfCancellationRequested();
        // Not cancellable once sent: a send cancelled mid-request may be stored anyway, and reporting it cancelled
        // would invite a duplicate.
        var response = await _client.Value.SendMessageAsync(new SendMessageRequest { QueueUrl = url, MessageBody = text }, CancellationToken.None).ConfigureAwait(false);
        return response.MessageId;
    }

    /// <summary>Disposes the client this sender created (not one the app passed in).</summary>
    public void Dispose()
    {
        if (_ownsClient && _client.IsValueCreated)
            _client.Value.Dispose();
    }

    private Task<string> UrlAsync(string queue)
    {
        if (_urls.TryGetValue(queue, out var configured))
            return Task.FromResult(configured);
        var lazy = _resolved.GetOrAdd(queue, static (name, self) => new Lazy<Task<string>>(() => self.FindAsync(name)), this);
        var task = lazy.Value;
        if (task.IsFaulted || task.IsCanceled)
        {
            _resolved.TryRemove(new(queue, lazy));
            lazy = _resolved.GetOrAdd(queue, static (name, self) => new Lazy<Task<string>>(() => self.FindAsync(name)), this);
            task = lazy.Value;
        }

        return task;
    }

    private async Task<string> FindAsync(string queue)
    {
        try
        {
            var response = await _client.Value.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = queue }, CancellationToken.None).ConfigureAwait(false);
            return response.QueueUrl;
        }
        catch (QueueDoesNotExistException error)
        {
            throw new InvalidOperationException(
                $"Cannot send to queue '{queue}': SQS has no queue of that name in this account and region. Create it with the deployment, or give its URL to {nameof(SqsQueueSender)}.",
                error);
        }
    }

    private static Dictionary<string, string> CheckUrls(IReadOnlyDictionary<string, string>? urls)
    {
        var checkedUrls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, url) in urls ?? new Dictionary<string, string>(0))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new ArgumentException($"The URL given for queue '{name}', '{url}', is not an http:// or https:// URL.", nameof(urls));
            checkedUrls[name] = url;
        }

        return checkedUrls;
    }
}
