using System.Globalization;

namespace Impulse.Benchmarks.ColdStart;

/// <summary>The command line: what to measure and how often.</summary>
/// <param name="Binary">The <c>bootstrap</c> to measure; null publishes <c>samples/OrderService</c> first.</param>
/// <param name="Runs">Fresh processes timed from start to first <c>/next</c>.</param>
/// <param name="Invocations">Sequential <c>ping</c> invocations timed end to end.</param>
/// <param name="Warmup">Invocations sent before timing starts.</param>
/// <param name="Baselines">Whether to publish and time the hello-world and raw-socket baselines too.</param>
/// <param name="Environment">Extra variables for the measured process, such as GC settings under study.</param>
internal sealed record Options(string? Binary, int Runs, int Invocations, int Warmup, bool Baselines, IReadOnlyDictionary<string, string> Environment)
{
    public const string Usage = """
        Usage: Impulse.Benchmarks.ColdStart [--binary PATH] [--runs N] [--invocations N] [--warmup N] [--no-baselines] [--env NAME=VALUE]...
          --binary PATH     the AOT bootstrap to measure (default: publish samples/OrderService into a temp folder)
          --runs N          fresh processes for start → first /next (default 30, at least 30)
          --invocations N   sequential ping round trips (default 5000, at least 5000)
          --warmup N        invocations before timing round trips (default 500)
          --no-baselines    skip the hello-world and raw-socket baselines
          --env NAME=VALUE  add a variable to the measured bootstrap's environment (repeatable)
        """;

    /// <summary>Parses <paramref name="args"/>; null, after writing why to <paramref name="error"/>, when they are wrong.</summary>
    public static Options? Parse(string[] args, TextWriter error)
    {
        var options = new Options(null, 30, 5_000, 500, true, new Dictionary<string, string>(StringComparer.Ordinal));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--binary" when value is not null:
                    options = options with { Binary = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--runs" when TryCount(value, 30, out var runs):
                    options = options with { Runs = runs };
                    i++;
                    break;
                case "--invocations" when TryCount(value, 5_000, out var invocations):
                    options = options with { Invocations = invocations };
                    i++;
                    break;
                case "--warmup" when TryCount(value, 0, out var warmup):
                    options = options with { Warmup = warmup };
                    i++;
                    break;
                case "--no-baselines":
                    options = options with { Baselines = false };
                    break;
                case "--env" when value is not null && value.IndexOf('=', StringComparison.Ordinal) > 0:
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    environment[value[..eq]] = value[(eq + 1)..];
                    i++;
                    break;
                default:
                    error.WriteLine($"Unexpected or incomplete argument '{args[i]}'.");
                    error.WriteLine(Usage);
                    return null;
            }
        }
        if (options.Binary is { } binary && !File.Exists(binary))
        {
            error.WriteLine($"No file at '{binary}'.");
            return null;
        }
        return options with { Environment = environment };
    }

    // The issue asks for at least 30 processes and 5,000 invocations; fewer would not support a p90 or p99.
    private static bool TryCount(string? text, int minimum, out int count) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count >= minimum;
}
