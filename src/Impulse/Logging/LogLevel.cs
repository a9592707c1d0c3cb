namespace Impulse;

/// <summary>Severity of a log line, in Lambda's names.</summary>
public enum LogLevel
{
    /// <summary>Fine detail.</summary>
    Trace,
    /// <summary>Diagnostic detail.</summary>
    Debug,
    /// <summary>Normal operation.</summary>
    Info,
    /// <summary>Something unexpected that the function handled.</summary>
    Warn,
    /// <summary>A failure.</summary>
    Error,
    /// <summary>A failure that ends the process.</summary>
    Fatal,
}
