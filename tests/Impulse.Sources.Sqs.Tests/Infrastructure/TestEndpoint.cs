using Amazon.Runtime;
using Amazon.SQS;

namespace Impulse.Sources.Sqs.Tests.Infrastructure;

/// <summary>
/// A factory on the SQS endpoint that <c>IMPULSE_SQS</c> names, with queue names unique to one test, so tests run
/// in parallel on one endpoint. Disposing it deletes the queues it opened.
/// </summary>
internal sealed class TestEndpoint : IConformanceQueues
{
    public const string Variable = "IMPULSE_SQS";

    private readonly string _prefix = $"impulse-test-{Guid.NewGuid():N}"[..24];
    private readonly HashSet<string> _names = [];
    private readonly List<SqsQueueSourceFactory> _otherFactories = [];

    private TestEndpoint(string serviceUrl)
    {
        ServiceUrl = serviceUrl;
        Factory = new SqsQueueSourceFactory(new Dictionary<string, string> { [SqsQueueSourceFactory.ServiceUrlSetting] = serviceUrl });
        Client = new AmazonSQSClient(new BasicAWSCredentials("local", "local"), new AmazonSQSConfig { ServiceURL = serviceUrl, AuthenticationRegion = "us-east-1" });
    }

    public string ServiceUrl { get; }

    public SqsQueueSourceFactory Factory { get; }

    /// <summary>A plain SDK client on the same endpoint, for what the tests check behind the adapter's back.</summary>
    public AmazonSQSClient Client { get; }

    /// <exception cref="InvalidOperationException">No endpoint is configured; the message says how to start one.</exception>
    public static TestEndpoint Create()
    {
        var url = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set, so there is no SQS endpoint to test against. Start one with " +
                "`eval \"$(tests/services/sqs.sh start)\"` (installs the npm package local-aws-sqs outside the repository if missing, " +
                $"listens on 127.0.0.1:9324) or export {Variable}=http://HOST:PORT for an SQS-compatible endpoint of your own.");
        }

        return new TestEndpoint(url);
    }

    /// <summary>The full SQS name of a test queue, deleted when the test ends.</summary>
    public string QueueName(string name)
    {
        var full = $"{_prefix}-{name}";
        _names.Add(full);
        return full;
    }

    public IQueueSource Queue(string name = "orders", RedrivePolicy? redrive = null, Dictionary<string, string>? settings = null)
    {
        var full = QueueName(name);
        var fullRedrive = redrive is null ? null : new RedrivePolicy(QueueName(redrive.DeadLetterQueue), redrive.MaxReceiveCount);
        return Factory.Create(new QueueDefinition(full, fullRedrive, settings ?? []));
    }

    IQueueSource IConformanceQueues.Queue(string name, RedrivePolicy? redrive) => Queue(name, redrive);

    /// <summary>The queue through a factory of its own, so with an SDK client and connections of its own.</summary>
    public IQueueSource QueueOnAnotherConnection(string name = "orders")
    {
        var factory = new SqsQueueSourceFactory(new Dictionary<string, string> { [SqsQueueSourceFactory.ServiceUrlSetting] = ServiceUrl });
        _otherFactories.Add(factory);
        return factory.Create(new QueueDefinition(QueueName(name), null, new Dictionary<string, string>()));
    }

    public async ValueTask DisposeAsync()
    {
        Factory.Dispose();
        foreach (var factory in _otherFactories)
        {
            factory.Dispose();
        }

        foreach (var name in _names)
        {
            // Best effort: a queue left behind fails no test; the endpoint keeps queues in memory only.
            try
            {
                var url = (await Client.GetQueueUrlAsync(name)).QueueUrl;
                await Client.DeleteQueueAsync(url);
            }
            catch (AmazonSQSException)
            {
            }
        }

        Client.Dispose();
    }
}
