namespace Impulse;

/// <summary>
/// Where log lines go: standard output by default, which Lambda forwards to CloudWatch Logs.
/// One lock keeps lines from concurrent invocations whole.
/// </summary>
internal sealed class LogSink(Stream output, LogLevel minimumLevel, TimeProvider time)
{
    private readonly Lock _gate = new();

    public LogLevel MinimumLevel { get; } = minimumLevel;
    public TimeProvider Time { get; } = time;

    public static LogSink FromEnvironment(Stream output, TimeProvider time) =>
        new(output, ParseLevel(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL")), time);

    public void WriteLine(ReadOnlySpan<byte> line)
    {
        lock (_gate)
        {
            output.Write(line);
            output.WriteByte((byte)'\n');
            output.Flush();
        }
    }

    internal static LogLevel ParseLevel(string? value) => value?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" => LogLevel.Warn,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Fatal,
        _ => LogLevel.Info,
    };
}
