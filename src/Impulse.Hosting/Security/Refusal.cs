namespace Impulse.Hosting.Security;

/// <summary>Why the host refused a caller, as AWS names it: every refusal is a 403 with this error type and message.</summary>
internal sealed record Refusal(string ErrorType, string Message)
{
    public const string MissingAuthenticationToken = "MissingAuthenticationTokenException";
    public const string IncompleteSignature = "IncompleteSignatureException";
    public const string InvalidSignature = "InvalidSignatureException";
    public const string UnrecognizedClient = "UnrecognizedClientException";
    public const string AccessDenied = "AccessDeniedException";
}
