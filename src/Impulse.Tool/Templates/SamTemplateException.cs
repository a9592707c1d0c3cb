namespace Impulse.Tool.Templates;

/// <summary>The manifest or the options cannot become a SAM template; the message names what is wrong and where.</summary>
public sealed class SamTemplateException : Exception
{
    /// <summary>Creates the exception with a message that names the offending value.</summary>
    public SamTemplateException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that caused it.</summary>
    public SamTemplateException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message; prefer the constructors that say what is wrong.</summary>
    public SamTemplateException() : base("The manifest cannot become a SAM template.")
    {
    }
}
