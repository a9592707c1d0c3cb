using System.Net;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;
using static Impulse.Hosting.Tests.Security.SecuredHost;

namespace Impulse.Hosting.Tests.Security;

/// <summary>
/// Who may invoke what: a function's invoke statements admit an IAM ARN exactly, every principal of an account, or
/// everyone; keys of the host's own account need an identity policy (the key's <c>Policy</c>) unless they are the
/// account root. A refused caller never reaches the handler.
/// </summary>
public sealed class InvokeAuthorizationTests : IAsyncLifetime
{
    private SecuredHost _host = null!;

    public async Task InitializeAsync() => _host = await SecuredHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Invoke_OtherUserOfAllowedUsersAccount_Refused403AccessDenied_HandlerNeverRuns()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Bob);

        await AssertRefusedAsync(response, "AccessDeniedException",
            "User: arn:aws:iam::111122223333:user/bob is not authorized to perform: lambda:InvokeFunction on resource: arn:aws:lambda:local:000000000000:function:guarded because no resource-based policy allows");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_PrincipalOfAllowedAccount_RunsHandler()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("guarded", probe), Carol);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_StarStatement_AdmitsAnyAuthenticatedCaller()
    {
        var probe = NewProbe();

        using var bob = await _host.SendAsync(Invocation("open-to-all", probe), Bob);
        using var plain = await _host.SendAsync(Invocation("open-to-all", probe), Plain);

        Assert.Equal(HttpStatusCode.OK, bob.StatusCode);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal(2, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SameAccountKeyWithoutPolicy_Refused403AccessDenied_NamingTheMissingIdentityPolicy()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("private", probe), Plain);

        await AssertRefusedAsync(response, "AccessDeniedException", "because no identity-based policy allows the lambda:InvokeFunction action (give key AKIDPLAIN a Policy");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_SameAccountKeyWithPolicyNamingTheFunction_RunsIt_ButNoOther()
    {
        var allowed = NewProbe();
        var other = NewProbe();

        using var response = await _host.SendAsync(Invocation("private", allowed), Scoped);
        using var refused = await _host.SendAsync(Invocation("guarded", other), Scoped);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(allowed));
        await AssertRefusedAsync(refused, "AccessDeniedException", "user/scoped is not authorized");
        Assert.Equal(0, Calls.Count(other));
    }

    [Fact]
    public async Task Invoke_AccountRootKey_InvokesAnyFunctionOfItsAccount()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("private", probe), Root);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_OtherAccountWithoutStatement_Refused403AccessDenied()
    {
        var probe = NewProbe();

        using var response = await _host.SendAsync(Invocation("private", probe), Alice);

        await AssertRefusedAsync(response, "AccessDeniedException", "user/alice is not authorized");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_AssumedRoleSession_MatchesStatementNamingItsRole_NotOneNamingAUser()
    {
        var probe = NewProbe();
        var request = Invocation("guarded", probe);
        request.Headers.Add("X-Amz-Security-Token", SessionToken);

        // The session's role (alice-role) is not alice, whom the statement names, and its account is not the other allowed one.
        using var response = await _host.SendAsync(request, Session);

        await AssertRefusedAsync(response, "AccessDeniedException", "arn:aws:sts::111122223333:assumed-role/alice-role/s1 is not authorized");
        Assert.Equal(0, Calls.Count(probe));
    }

    [Fact]
    public async Task Invoke_DryRun_ChecksPermissionAsLambdaDoes()
    {
        var allowed = Invocation("guarded", NewProbe());
        allowed.Headers.Add("X-Amz-Invocation-Type", "DryRun");
        var refused = Invocation("guarded", NewProbe());
        refused.Headers.Add("X-Amz-Invocation-Type", "DryRun");

        using var alice = await _host.SendAsync(allowed, Alice);
        using var bob = await _host.SendAsync(refused, Bob);

        Assert.Equal(HttpStatusCode.NoContent, alice.StatusCode);
        await AssertRefusedAsync(bob, "AccessDeniedException", "user/bob is not authorized");
    }

    [Fact]
    public async Task Invoke_AsyncEventRefused_IsNeverQueued()
    {
        var probe = NewProbe();
        var request = Invocation("guarded", probe);
        request.Headers.Add("X-Amz-Invocation-Type", "Event");

        using var response = await _host.SendAsync(request, Bob);
        await Task.Delay(500);

        await AssertRefusedAsync(response, "AccessDeniedException", "user/bob is not authorized");
        Assert.Equal(0, Calls.Count(probe));
    }
}

/// <summary>The documented switch that turns enforcement off, and configuration the host refuses to start with.</summary>
public sealed class AuthConfigurationTests
{
    [Fact]
    public async Task Invoke_EnforceFalse_UnsignedCallerRunsAnyFunction()
    {
        var probe = NewProbe();
        await using var host = await SecuredHost.StartAsync(new Dictionary<string, string?> { ["Impulse:Auth:Enforce"] = "false" });

        using var response = await host.SendAsync(Invocation("private", probe), key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, Calls.Count(probe));
        Assert.Contains(host.Host.LogLines, l => l.Contains("Impulse:Auth:Enforce is false", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Impulse:Auth:Keys:AKIDX:Principal", "000000000000", "Impulse:Auth:Keys:AKIDX:Secret is missing")]
    [InlineData("Impulse:Auth:Keys:AKIDX:Secret", "s", "Impulse:Auth:Keys:AKIDX:Principal is missing")]
    [InlineData("Impulse:Auth:Enforce", "sometimes", "Impulse:Auth:Enforce must be true or false, not 'sometimes'")]
    [InlineData("Impulse:AccountId", "12345", "Impulse:AccountId must be a 12-digit AWS account id, not '12345'")]
    public async Task StartAsync_BadAccessConfiguration_RefusesToStart_NamingTheSetting(string name, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<LocalHostStartException>(() => SecuredHost.StartAsync(new Dictionary<string, string?> { [name] = value }));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_KeyWithMalformedPrincipal_RefusesToStart_NamingKeyAndForm()
    {
        var error = await Assert.ThrowsAsync<LocalHostStartException>(() => SecuredHost.StartAsync(new Dictionary<string, string?>
        {
            ["Impulse:Auth:Keys:AKIDX:Secret"] = "s",
            ["Impulse:Auth:Keys:AKIDX:Principal"] = "alice",
        }));

        Assert.Contains("Impulse:Auth:Keys:AKIDX:Principal: 'alice' is not a principal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ConfiguredAccountAndRegion_AreWhatCallersSignForAndArnsName()
    {
        var probe = NewProbe();
        await using var host = await SecuredHost.StartAsync(new Dictionary<string, string?>
        {
            ["Impulse:AccountId"] = "111122223333",
            ["Impulse:Region"] = "us-east-1",
        });

        // Alice now belongs to the host's account, and her key has no identity policy; the statement naming her admits her.
        using var response = await host.SendAsync(Invocation("guarded", probe), SecuredHost.Alice with { Region = "us-east-1" });
        using var stale = await host.SendAsync(Invocation("guarded", probe), SecuredHost.Alice);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertRefusedAsync(stale, "InvalidSignatureException", "this host's region is 'us-east-1'");
        Assert.Equal(1, Calls.Count(probe));
    }
}
