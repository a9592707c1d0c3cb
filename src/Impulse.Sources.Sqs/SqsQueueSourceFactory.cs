using System.Collections.Concurrent;
using Amazon;
using Amazon.Runtime;
using Amazon.SQS;

namespace Impulse.Sources.Sqs;

/// <summary>
/// The <c>sqs</c> provider for <see cref="QueueSourceRegistry"/>: serves queues from Amazon SQS or an SQS-compatible
/// endpoint, one SDK client per endpoint, region and credentials, shared by the queues that use them.
/// </summary>
/// <remarks>
/// Queue settings, each falling back to the factory's defaults: <c>serviceUrl</c> (an SQS-compatible endpoint such as
/// <c>http://127.0.0.1:9324</c>; absent for AWS itself), <c>region</c> (<c>us-east-1</c> for a local endpoint),
/// <c>accessKey</c> and <c>secretKey</c> (placeholders for a local endpoint; the SDK's default credential chain for
/// AWS), and <c>queueUrl</c>, or else the queue is found by name and created, with its redrive policy, when missing.
/// </remarks>
public sealed class SqsQueueSourceFactory : IQueueSourceFactory, IDisposable, IAsyncDisposable
{
    /// <summary>The provider name configuration selects this factory by.</summary>
    public const string ProviderName = "sqs";

    /// <summary>The setting naming an SQS-compatible endpoint; absent for AWS.</summary>
    public const string ServiceUrlSetting = "serviceUrl";

    /// <summary>The setting naming the AWS region.</summary>
    public const string RegionSetting = "region";

    /// <summary>The setting holding the access key id.</summary>
    public const string AccessKeySetting = "accessKey";

    /// <summary>The setting holding the secret access key.</summary>
    public const string SecretKeySetting = "secretKey";

    /// <summary>The setting holding the queue's URL, which skips the lookup by name and never creates the queue.</summary>
    public const string QueueUrlSetting = "queueUrl";

    // Local endpoints check no signature, but the SDK signs every request and needs something to sign with.
    private const string LocalRegion = "us-east-1";
    private const string LocalKey = "local";

    private readonly IAmazonSQS? _client;
    private readonly IReadOnlyDictionary<string, string> _defaults;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string? ServiceUrl, string? Region, string? AccessKey, string? SecretKey), Lazy<AmazonSQSClient>> _clients = new();

    /// <summary>A factory whose queues use <paramref name="defaults"/> for the settings they do not set themselves.</summary>
    public SqsQueueSourceFactory(IReadOnlyDictionary<string, string>? defaults = null)
    {
        _defaults = defaults ?? new Dictionary<string, string>(0);
        _time = TimeProvider.System;
    }

    /// <summary>A factory whose queues all use <paramref name="client"/>, configured by the app (and disposed by it).
    /// Only the <c>queueUrl</c> setting applies then.</summary>
    public SqsQueueSourceFactory(IAmazonSQS client)
        : this()
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc/>
    public string Provider => ProviderName;

    /// <inheritdoc/>
    /// <remarks>Calls SQS lazily: the queue is looked up (or created) on its first use.</remarks>
    public IQueueSource Create(QueueDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var queueUrl = Setting(definition, QueueUrlSetting);
        if (queueUrl is not null && !Uri.TryCreate(queueUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"Queue '{definition.Name}': {QueueUrlSetting} '{queueUrl}' is not an absolute URL.");
        }

        return new SqsQueueSource(_client ?? Client(definition), definition.Name, queueUrl, definition.Redrive, _time);
    }

    /// <summary>Disposes the SDK clients this factory made (not one the app passed in).</summary>
    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        _clients.Clear();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private AmazonSQSClient Client(QueueDefinition definition)
    {
        var serviceUrl = Setting(definition, ServiceUrlSetting);
        if (serviceUrl is not null && (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")))
        {
            throw new InvalidOperationException($"Queue '{definition.Name}': {ServiceUrlSetting} '{serviceUrl}' is not an http:// or https:// URL.");
        }

        var accessKey = Setting(definition, AccessKeySetting);
        var secretKey = Setting(definition, SecretKeySetting);
        if ((accessKey is null) != (secretKey is null))
        {
            throw new InvalidOperationException($"Queue '{definition.Name}': set both {AccessKeySetting} and {SecretKeySetting}, or neither.");
        }

        var key = (serviceUrl, Setting(definition, RegionSetting), accessKey, secretKey);
        var client = _clients.GetOrAdd(key, static key => new Lazy<AmazonSQSClient>(() => NewClient(key)));
        try
        {
            return client.Value;
        }
        catch (AmazonClientException error)
        {
            // Typically no region: neither configured here nor found by the SDK (AWS_REGION, a profile).
            _clients.TryRemove(new(key, client));
            throw new InvalidOperationException(
                $"Queue '{definition.Name}' uses provider '{ProviderName}' but its SQS client cannot be configured: {error.Message}. " +
                $"Set Impulse:Sources:Queues:{definition.Name}:Settings:{RegionSetting}, or {ServiceUrlSetting} for a local endpoint.", error);
        }
    }

    private static AmazonSQSClient NewClient((string? ServiceUrl, string? Region, string? AccessKey, string? SecretKey) key)
    {
        var config = new AmazonSQSConfig();
        if (key.ServiceUrl is not null)
        {
            config.ServiceURL = key.ServiceUrl;
            config.AuthenticationRegion = key.Region ?? LocalRegion;
        }
        else if (key.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(key.Region);
        }

        if (key.AccessKey is not null)
        {
            return new AmazonSQSClient(new BasicAWSCredentials(key.AccessKey, key.SecretKey), config);
        }

        // A local endpoint gets placeholder keys; AWS gets the SDK's default chain (environment, profile, role).
        return key.ServiceUrl is not null
            ? new AmazonSQSClient(new BasicAWSCredentials(LocalKey, LocalKey), config)
            : new AmazonSQSClient(config);
    }

    private string? Setting(QueueDefinition definition, string name)
        => definition.Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value
            : _defaults.TryGetValue(name, out value) && !string.IsNullOrWhiteSpace(value) ? value
            : null;
}
