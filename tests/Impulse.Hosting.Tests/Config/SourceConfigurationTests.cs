using Impulse.Hosting.Config;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Config;

public sealed class SourceConfigurationTests
{
    [Fact]
    public void ReadPullSources_JsonShape_ReadsProviderSettingsAndRedrive()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Impulse:Sources:DefaultProvider"] = "redis",
            ["Impulse:Sources:Queues:orders:Provider"] = "embedded",
            ["Impulse:Sources:Queues:orders:Settings:connection"] = "127.0.0.1:6380",
            ["Impulse:Sources:Queues:orders:Redrive:DeadLetterQueue"] = "orders-dlq",
            ["Impulse:Sources:Queues:orders:Redrive:MaxReceiveCount"] = "5",
        }).Build();

        var options = SourceConfiguration.ReadPullSources(configuration, ["orders"]);

        Assert.Equal("redis", options.DefaultProvider);
        var orders = options.Queues["orders"];
        Assert.Equal("embedded", orders.Provider);
        Assert.Equal("127.0.0.1:6380", orders.Settings["connection"]);
        Assert.Equal(new Impulse.Sources.RedrivePolicy("orders-dlq", 5), orders.Redrive);
    }

    [Fact]
    public void Load_EnvironmentVariableInUpperCase_WinsOverTheFileAndMapsToTheTriggersQueueName()
    {
        var folder = Directory.CreateTempSubdirectory("impulse-config-").FullName;
        var queue = $"q{Guid.NewGuid():N}";
        File.WriteAllText(Path.Combine(folder, "appsettings.json"), """{"Impulse":{"Sources":{"Queues":{"QUEUE":{"Provider":"embedded","Settings":{"prefix":"from-file"}}}}}}""".Replace("QUEUE", queue, StringComparison.Ordinal));
        var variable = $"IMPULSE__SOURCES__QUEUES__{queue.ToUpperInvariant()}__PROVIDER";
        Environment.SetEnvironmentVariable(variable, "redis");
        try
        {
            var options = SourceConfiguration.ReadPullSources(SourceConfiguration.Load(folder), [queue]);

            var configured = options.Queues[queue];
            Assert.Equal("redis", configured.Provider);
            Assert.Equal("from-file", configured.Settings["prefix"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_QueueOnUnknownProvider_PollerKeepsTryingAndHostStillServes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Impulse:Sources:Queues:forwarded:Provider"] = "nope",
        }).Build();

        await using var host = await Infrastructure.TestHost.StartAsync(o => o.Configuration = configuration);

        using var response = await host.InvokeAsync("greet", """{"name":"x"}""");
        response.EnsureSuccessStatusCode();
        await Infrastructure.Eventually.TrueAsync(
            () => host.LogLines.Any(l => l.Contains("Cannot open queue 'forwarded'", StringComparison.Ordinal) && l.Contains("nope", StringComparison.Ordinal)),
            "the poller to report the unknown provider");
    }
}
