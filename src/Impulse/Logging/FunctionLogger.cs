using System.Buffers;
using System.Text.Json;

namespace Impulse;

/// <summary>
/// Writes one JSON object per line, in Lambda's JSON log format (<c>timestamp</c>, <c>level</c>,
/// <c>requestId</c>, <c>message</c> and any properties), so CloudWatch Logs Insights can query them.
/// </summary>
public sealed class FunctionLogger
{
    private readonly LogSink _sink;
    private readonly string? _requestId;
    private readonly string? _functionName;

    internal FunctionLogger(LogSink sink, string? requestId, string? functionName)
    {
        _sink = sink;
        _requestId = requestId;
        _functionName = functionName;
    }

    /// <summary>The least severe level that is written; lines below it are dropped.</summary>
    public LogLevel MinimumLevel => _sink.MinimumLevel;

    /// <summary>Writes a line at <see cref="LogLevel.Debug"/>.</summary>
    public void Debug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Writes a line at <see cref="LogLevel.Info"/>.</summary>
    public void Info(string message) => Log(LogLevel.Info, message);

    /// <summary>Writes a line at <see cref="LogLevel.Warn"/>.</summary>
    public void Warn(string message) => Log(LogLevel.Warn, message);

    /// <summary>Writes a line at <see cref="LogLevel.Error"/>, with the exception's type and message when given.</summary>
    public void Error(string message, Exception? exception = null) => Log(LogLevel.Error, message, exception);

    /// <summary>Writes a line with named properties, each written as a JSON string or number.</summary>
    public void Log(LogLevel level, string message, params ReadOnlySpan<KeyValuePair<string, object?>> properties)
    {
        if (level < _sink.MinimumLevel)
            return;

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, ReadableJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("timestamp"u8, _sink.Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level"u8, LevelName(level));
            if (_requestId is not null)
                json.WriteString("requestId"u8, _requestId);
            if (_functionName is not null)
                json.WriteString("function"u8, _functionName);
            json.WriteString("message"u8, message);
            foreach (var (key, value) in properties)
                WriteProperty(json, key, value);
            json.WriteEndObject();
        }
        _sink.WriteLine(buffer.WrittenSpan);
    }

    internal void Log(LogLevel level, string message, Exception? exception)
    {
        if (exception is null)
            Log(level, message, []);
        else
            Log(level, message, [new("errorType", exception.GetType().Name), new("errorMessage", exception.Message)]);
    }

    private static void WriteProperty(Utf8JsonWriter json, string key, object? value)
    {
        switch (value)
        {
            case null: json.WriteNull(key); break;
            case bool b: json.WriteBoolean(key, b); break;
            case int i: json.WriteNumber(key, i); break;
            case long l: json.WriteNumber(key, l); break;
            case double d when double.IsFinite(d): json.WriteNumber(key, d); break;
            case decimal m: json.WriteNumber(key, m); break;
            case IFormattable f: json.WriteString(key, f.ToString(null, System.Globalization.CultureInfo.InvariantCulture)); break;
            default: json.WriteString(key, value.ToString()); break;
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Info => "INFO",
        LogLevel.Warn => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };
}
