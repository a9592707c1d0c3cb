using System.Globalization;
using System.Net;

namespace Impulse.Hosting;

/// <summary>
/// Reads <c>[serve] [--port N] [--host ADDRESS] [--max-concurrency N] [--queue-db PATH]</c>; the environment
/// (<c>IMPULSE_PORT</c>, <c>IMPULSE_HOST</c>) supplies what the arguments leave out.
/// </summary>
internal static class CommandLine
{
    public const string Usage = """
        Usage: [serve] [options]
          --port N              port to listen on (default: IMPULSE_PORT, else 3000; 0 picks a free port)
          --host ADDRESS        address to listen on (default: IMPULSE_HOST, else 127.0.0.1)
          --max-concurrency N   most invocations at once across all functions (default: no limit)
          --queue-db PATH       the embedded queue database for asynchronous invocations (default: .impulse/queues.db)
        Other commands: describe, invoke NAME [--event FILE|-]
        """;

    /// <returns>The options, or null with <paramref name="error"/> set; <paramref name="help"/> when help was asked for.</returns>
    public static LocalHostOptions? Parse(string[] args, Func<string, string?> environment, out string? error, out bool help)
    {
        error = null;
        help = false;
        var options = new LocalHostOptions();
        if (environment("IMPULSE_PORT") is { Length: > 0 } envPort && !TrySetPort(options, envPort, "IMPULSE_PORT", out error))
            return null;
        if (environment("IMPULSE_HOST") is { Length: > 0 } envHost && !TrySetHost(options, envHost, "IMPULSE_HOST", out error))
            return null;

        var start = args.Length > 0 && args[0] == "serve" ? 1 : 0;
        for (var i = start; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h" or "help")
            {
                help = true;
                return null;
            }

            // Both "--port 8080" and "--port=8080".
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            string? value = equals > 0 ? arg[(equals + 1)..] : null;
            if (name is not ("--port" or "--host" or "--max-concurrency" or "--queue-db"))
            {
                error = $"Unexpected argument '{arg}'.";
                return null;
            }

            if (value is null)
            {
                if (i + 1 >= args.Length)
                {
                    error = $"{name} needs a value.";
                    return null;
                }

                value = args[++i];
            }

            var ok = name switch
            {
                "--port" => TrySetPort(options, value, name, out error),
                "--host" => TrySetHost(options, value, name, out error),
                "--max-concurrency" => TrySetConcurrency(options, value, out error),
                _ => SetQueueDatabase(options, value),
            };
            if (!ok)
                return null;
        }

        return options;
    }

    private static bool TrySetPort(LocalHostOptions options, string value, string source, out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= IPEndPoint.MaxPort)
        {
            options.Port = port;
            return true;
        }

        error = $"{source} must be a port number from 0 to {IPEndPoint.MaxPort}, not '{value}'.";
        return false;
    }

    private static bool TrySetHost(LocalHostOptions options, string value, string source, out string? error)
    {
        error = null;
        if (value == "localhost")
        {
            options.Address = IPAddress.Loopback;
            return true;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            options.Address = address;
            return true;
        }

        error = $"{source} must be an IP address such as 127.0.0.1 or 0.0.0.0, not '{value}'.";
        return false;
    }

    private static bool TrySetConcurrency(LocalHostOptions options, string value, out string? error)
    {
        error = null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
        {
            options.MaxConcurrency = limit;
            return true;
        }

        error = $"--max-concurrency must be a whole number (0 for no limit), not '{value}'.";
        return false;
    }

    private static bool SetQueueDatabase(LocalHostOptions options, string value)
    {
        options.QueueDatabasePath = value;
        return true;
    }
}
