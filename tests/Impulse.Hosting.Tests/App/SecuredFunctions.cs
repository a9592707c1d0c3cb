using Impulse.Events;

namespace Impulse.Hosting.Tests.App;

/// <summary>
/// Functions whose resource-based policies the local host enforces. Each counts its calls per probe key, so a test
/// can prove a refused request never reached the handler.
/// </summary>
public static class SecuredFunctions
{
    /// <summary>Allowed for one user, for every principal of one other account, and for S3 (which no HTTP caller is).</summary>
    [Function("guarded")]
    [InvokePermission("arn:aws:iam::111122223333:user/alice")]
    [InvokePermission("444455556666")]
    [InvokePermission("s3.amazonaws.com", SourceArn = "arn:aws:s3:::uploads", SourceAccount = "000000000000")]
    public static string Guarded(Probe probe) => $"guarded call {Calls.Record(probe.Key)}";

    /// <summary>Allowed for every authenticated caller.</summary>
    [Function("open-to-all")]
    [InvokePermission("*")]
    public static string OpenToAll(Probe probe) => $"open call {Calls.Record(probe.Key)}";

    /// <summary>Allowed for nobody outside the host's account, so only identity policies admit callers.</summary>
    [Function("private")]
    public static string Private(Probe probe) => $"private call {Calls.Record(probe.Key)}";

    /// <summary>An HTTP route that requires requests signed for <c>execute-api</c>.</summary>
    [Function("secure-route")]
    [PushTrigger(PushSource.Http, "POST /secure/{key}", IamAuth = true)]
    [InvokePermission("arn:aws:iam::111122223333:user/alice")]
    public static string SecureRoute(ApiGatewayHttpApiV2ProxyRequest request) => $"secure call {Calls.Record(request.PathParameters!["key"])}";

    /// <summary>A public HTTP route next to the IAM-auth one.</summary>
    [Function("public-route")]
    [PushTrigger(PushSource.Http, "POST /public/{key}")]
    public static string PublicRoute(ApiGatewayHttpApiV2ProxyRequest request) => $"public call {Calls.Record(request.PathParameters!["key"])}";
}
