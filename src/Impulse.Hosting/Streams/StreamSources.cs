using Impulse.Hosting.Config;
using Impulse.Sources;
using Impulse.Sources.Embedded;
using Impulse.Sources.Embedded.Streams;
using Impulse.Sources.Redis.Streams;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Streams;

/// <summary>
/// Picks the provider of the app's streams from configuration: <c>Impulse:Sources:Streams:Provider</c> is
/// <c>embedded</c> (the default: the stream database beside the queue database) or <c>redis</c> (the server and key
/// prefix of <c>Impulse:Sources:Redis</c>, as queues use).
/// </summary>
internal static class StreamSources
{
    public const string ProviderKey = "Impulse:Sources:Streams:Provider";

    /// <exception cref="InvalidOperationException">The configured provider is not one the host serves streams on.</exception>
    public static IStreamSourceFactory Open(LocalHostOptions options, TimeProvider time)
    {
        var configuration = options.Configuration ?? SourceConfiguration.Load(options.ContentRoot ?? SourceConfiguration.DefaultContentRoot());
        var provider = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || string.Equals(provider, EmbeddedQueueSourceFactory.ProviderName, StringComparison.OrdinalIgnoreCase))
            return new EmbeddedStreamSourceFactory(DatabasePath(options), new EmbeddedQueueOptions { TimeProvider = time });
        if (string.Equals(provider, Impulse.Sources.Redis.RedisQueueSourceFactory.ProviderName, StringComparison.OrdinalIgnoreCase))
            return new RedisStreamSourceFactory(SourceConfiguration.ReadRedis(configuration));
        throw new InvalidOperationException($"{ProviderKey} is '{provider}'; the local host serves streams on 'embedded' or 'redis'.");
    }

    /// <summary>The stream database: as configured, else beside the queue database.</summary>
    private static string DatabasePath(LocalHostOptions options)
        => options.StreamDatabasePath ?? Path.Combine(Path.GetDirectoryName(options.QueueDatabasePath) ?? "", "streams.db");
}
