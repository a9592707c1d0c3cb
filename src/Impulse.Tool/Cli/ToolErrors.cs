namespace Impulse.Tool.Cli;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>The command was well formed but could not be carried out (unknown function, bad weight, corrupt package...).</summary>
    public const int UserError = 1;

    /// <summary>The command line itself is wrong: unknown command or option, a missing or malformed argument.</summary>
    public const int UsageError = 2;
}

/// <summary>A request the tool understood but must refuse; the message is one line that names what is wrong.</summary>
internal sealed class UserErrorException(string message) : Exception(message);

/// <summary>A command line the tool cannot parse; the message names the argument, and the command's usage follows it.</summary>
internal sealed class UsageException(string message) : Exception(message);
