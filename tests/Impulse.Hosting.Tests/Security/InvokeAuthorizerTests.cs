using Impulse.Hosting.Security;

namespace Impulse.Hosting.Tests.Security;

/// <summary>The rules that match a caller's principal against a function's invoke statements, one by one.</summary>
public sealed class InvokeAuthorizerTests
{
    private const string HostAccount = "000000000000";
    private readonly InvokeAuthorizer _authorizer = new(HostAccount, "local");

    private static AccessKey Key(string principal, KeyPolicy? policy = null) =>
        new("AKIDTEST", "secret", CallerPrincipal.Parse(principal), policy ?? KeyPolicy.None, null);

    private Refusal? Authorize(string caller, params InvokeStatement[] statements) =>
        _authorizer.Authorize(Key(caller), "fn", statements, "lambda:InvokeFunction");

    private static InvokeStatement Grant(string principal, string? action = null) => new(principal, action, null, null);

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("arn:aws:iam::111122223333:user/bob", "111122223333")]
    [InlineData("arn:aws:iam::111122223333:role/worker", "arn:aws:iam::111122223333:root")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/worker/session-7", "arn:aws:iam::111122223333:role/worker")]
    [InlineData("arn:aws:iam::999999999999:user/anyone", "*")]
    [InlineData("111122223333", "111122223333")]
    public void Statement_MatchingCaller_Allows(string caller, string principal) =>
        Assert.Null(Authorize(caller, Grant(principal)));

    [Theory]
    [InlineData("arn:aws:iam::111122223333:user/bob", "arn:aws:iam::111122223333:user/alice")]
    [InlineData("arn:aws:iam::111122223333:user/alice", "444455556666")]
    [InlineData("arn:aws:iam::111122223333:user/alice", "arn:aws:iam::444455556666:root")]
    [InlineData("arn:aws:sts::111122223333:assumed-role/worker/s", "arn:aws:iam::111122223333:role/other")]
    [InlineData("arn:aws:iam::111122223333:user/alice", "s3.amazonaws.com")]
    public void Statement_NotNamingCaller_Refuses(string caller, string principal)
    {
        var refusal = Authorize(caller, Grant(principal));

        Assert.NotNull(refusal);
        Assert.Equal(Refusal.AccessDenied, refusal.ErrorType);
        Assert.StartsWith($"User: {CallerPrincipal.Parse(caller).Arn} is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:local:000000000000:function:fn", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statement_GrantingAnotherAction_DoesNotAllowInvoke() =>
        Assert.NotNull(Authorize("111122223333", Grant("111122223333", "lambda:GetFunction")));

    [Theory]
    [InlineData("lambda:InvokeFunction")]
    [InlineData("lambda:*")]
    [InlineData("*")]
    public void Statement_GrantingInvokeOrWildcard_Allows(string action) =>
        Assert.Null(Authorize("111122223333", Grant("111122223333", action)));

    [Fact]
    public void Statement_NamingAccountByPseudoParameter_MeansHostAccount() =>
        Assert.Null(Authorize("arn:aws:iam::000000000000:user/plain", Grant("${AWS::AccountId}")));

    [Fact]
    public void SameAccount_RootAllowed_UserNeedsPolicy()
    {
        Assert.Null(Authorize(HostAccount));
        Assert.Contains("no identity-based policy", Authorize("arn:aws:iam::000000000000:user/plain")!.Message, StringComparison.Ordinal);
        Assert.Null(_authorizer.Authorize(Key("arn:aws:iam::000000000000:user/dev", KeyPolicy.All), "fn", [], "lambda:InvokeFunction"));
        Assert.Null(_authorizer.Authorize(Key("arn:aws:iam::000000000000:user/dev", KeyPolicy.Of(["fn"])), "fn", [], "lambda:InvokeFunction"));
        Assert.NotNull(_authorizer.Authorize(Key("arn:aws:iam::000000000000:user/dev", KeyPolicy.Of(["other"])), "fn", [], "lambda:InvokeFunction"));
    }

    [Fact]
    public void OtherAccount_KeyPolicyAlone_DoesNotAllow() =>
        // An identity policy admits only within its own account; across accounts the function must name the caller.
        Assert.NotNull(_authorizer.Authorize(Key("arn:aws:iam::111122223333:user/alice", KeyPolicy.All), "fn", [], "lambda:InvokeFunction"));

    [Theory]
    [InlineData("alice")]
    [InlineData("12345")]
    [InlineData("arn:aws:s3:::bucket")]
    [InlineData("arn:aws:iam::12345:user/alice")]
    public void CallerPrincipal_Malformed_IsRejectedWithTheAcceptedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => CallerPrincipal.Parse(text));

        Assert.Contains("12-digit account id or an IAM ARN", error.Message, StringComparison.Ordinal);
    }
}
