namespace Impulse.Hosting.Invoke;

/// <summary>
/// The function an Invoke API call names, in any of the forms Lambda accepts: <c>NAME</c>, <c>NAME:QUALIFIER</c>,
/// <c>ACCOUNT:function:NAME[:QUALIFIER]</c> or <c>arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]</c>.
/// </summary>
internal readonly record struct FunctionReference(string Name, string? Qualifier)
{
    public static FunctionReference Parse(string text)
    {
        var parts = text.Split(':');
        // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
        if (parts.Length is 7 or 8 && parts[0] == "arn" && parts[5] == "function")
            return new(parts[6], parts.Length == 8 ? parts[7] : null);
        // ACCOUNT:function:NAME[:QUALIFIER]
        if (parts.Length is 3 or 4 && parts[1] == "function")
            return new(parts[2], parts.Length == 4 ? parts[3] : null);
        if (parts.Length == 2)
            return new(parts[0], parts[1]);
        return new(text, null);
    }
}
