using Impulse.Integration.Infrastructure;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>The native executables to measure: the sample's bootstrap and, optionally, the two baselines.</summary>
internal sealed record Binaries(string Bootstrap, string? HelloWorld, string? RawNext)
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(8);

    /// <summary>Publishes what <paramref name="options"/> does not supply, each into its own folder under <paramref name="work"/>.</summary>
    public static async Task<Binaries> PrepareAsync(Options options, string work, TextWriter log)
    {
        var needsRepository = options.Binary is null || options.Baselines;
        var root = needsRepository ? RepositoryRoot.Find() : "";
        var bootstrap = options.Binary ?? await PublishAsync(root, "samples/OrderService", "bootstrap", work, log);
        if (!options.Baselines)
            return new Binaries(bootstrap, null, null);
        var hello = await PublishAsync(root, "benchmarks/Baselines/HelloWorld", "hello", work, log);
        var rawNext = await PublishAsync(root, "benchmarks/Baselines/RawNext", "raw-next", work, log);
        return new Binaries(bootstrap, hello, rawNext);
    }

    private static async Task<string> PublishAsync(string root, string project, string binary, string work, TextWriter log)
    {
        var folder = Directory.CreateDirectory(Path.Combine(work, binary)).FullName;
        log.WriteLine($"Publishing {project} (native AOT, linux-x64) …");
        var publish = await AotPublisher.PublishAsync(Path.Combine(root, project), folder, PublishTimeout);
        var path = publish.PathOf(binary);
        if (!publish.Succeeded || !File.Exists(path))
            throw new InvalidOperationException($"'{publish.Command}' failed with {publish.Result.ExitCode}:{Environment.NewLine}{publish.Result.Output}");
        log.WriteLine($"  {path} ({publish.Result.Elapsed.TotalSeconds:0} s)");
        return path;
    }
}
