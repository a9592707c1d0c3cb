using System.Globalization;
using Impulse.Sources;
using Impulse.Sources.Redis;
using Impulse.Sources.Sqs;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Config;

/// <summary>
/// Reads which provider serves each queue from <c>appsettings.json</c> in the content root and from environment
/// variables (<c>IMPULSE__SOURCES__QUEUES__ORDERS__PROVIDER=redis</c>), key by key: no reflection-based binder, so
/// the host stays trimmable and AOT-compatible.
/// </summary>
internal static class SourceConfiguration
{
    public const string FileName = "appsettings.json";
    private const string Root = "Impulse:Sources";

    /// <summary>
    /// The working directory, as for ASP.NET Core apps; when it has no settings file but the app's own folder does
    /// (the project copies it to its output), that folder, so <c>dotnet run --project</c> from elsewhere finds it.
    /// </summary>
    public static string DefaultContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return !File.Exists(Path.Combine(current, FileName)) && File.Exists(Path.Combine(AppContext.BaseDirectory, FileName))
            ? AppContext.BaseDirectory
            : current;
    }

    /// <summary>The file in <paramref name="contentRoot"/> (if present), then environment variables, which win.</summary>
    public static IConfiguration Load(string contentRoot) => new ConfigurationBuilder()
        .SetBasePath(Path.GetFullPath(contentRoot))
        .AddJsonFile(FileName, optional: true, reloadOnChange: false)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>
    /// The queues' providers. Configuration keys ignore case, and environment variables are usually upper case, so a
    /// configured queue takes the spelling of the known queue (a trigger's) that it matches ignoring case.
    /// </summary>
    /// <exception cref="FormatException">A value is not what its key needs, such as a non-numeric receive count.</exception>
    public static PullSourceOptions ReadPullSources(IConfiguration configuration, IEnumerable<string> knownQueues)
    {
        var section = configuration.GetSection(Root);
        var options = new PullSourceOptions();
        if (section["DefaultProvider"] is { Length: > 0 } provider)
            options.DefaultProvider = provider;

        var known = knownQueues.ToList();
        foreach (var queue in section.GetSection("Queues").GetChildren())
        {
            var name = known.Find(k => string.Equals(k, queue.Key, StringComparison.OrdinalIgnoreCase)) ?? queue.Key;
            var settings = new QueueSourceOptions { Provider = NullIfEmpty(queue["Provider"]) };
            foreach (var setting in queue.GetSection("Settings").GetChildren())
            {
                if (setting.Value is not null)
                    settings.Settings[setting.Key] = setting.Value;
            }

            if (NullIfEmpty(queue["Redrive:DeadLetterQueue"]) is { } deadLetter)
            {
                var count = queue["Redrive:MaxReceiveCount"] is { } text
                    ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                        ? n
                        : throw new FormatException($"{Root}:Queues:{queue.Key}:Redrive:MaxReceiveCount must be a whole number of at least 1, not '{text}'.")
                    : 4;
                settings.Redrive = new RedrivePolicy(deadLetter, count);
            }

            options.Queues[name] = settings;
        }

        return options;
    }

    /// <summary>Defaults for queues served by Redis: <c>Impulse:Sources:Redis:Connection</c> and <c>:Prefix</c>.</summary>
    public static RedisQueueOptions ReadRedis(IConfiguration configuration)
    {
        var options = new RedisQueueOptions();
        if (NullIfEmpty(configuration[$"{Root}:Redis:Connection"]) is { } connection)
            options.Connection = connection;
        if (NullIfEmpty(configuration[$"{Root}:Redis:Prefix"]) is { } prefix)
            options.Prefix = prefix;
        return options;
    }

    /// <summary>The broker of queues served by RabbitMQ that name none themselves: <c>Impulse:Sources:RabbitMq:Uri</c>.</summary>
    public static string? ReadRabbitMqUri(IConfiguration configuration) => NullIfEmpty(configuration[$"{Root}:RabbitMq:Uri"]);

    /// <summary>
    /// Defaults for queues served by SQS, under <c>Impulse:Sources:Sqs</c>: <c>ServiceUrl</c>, <c>Region</c>,
    /// <c>AccessKey</c>, <c>SecretKey</c>, keyed by the queue settings they stand in for.
    /// </summary>
    public static Dictionary<string, string> ReadSqs(IConfiguration configuration)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in (string[])[SqsQueueSourceFactory.ServiceUrlSetting, SqsQueueSourceFactory.RegionSetting, SqsQueueSourceFactory.AccessKeySetting, SqsQueueSourceFactory.SecretKeySetting])
        {
            if (NullIfEmpty(configuration[$"{Root}:Sqs:{name}"]) is { } value)
                defaults[name] = value;
        }

        return defaults;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
