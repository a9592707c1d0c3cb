using Impulse.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Security;

/// <summary>
/// Local enforcement at the host's HTTP doors, the Invoke API and IAM-auth routes: who signed the request, then
/// whether that principal may invoke the function. With <c>Impulse:Auth:Enforce</c> false every request passes
/// unchecked. The host's own deliveries (schedules, queues, asynchronous retries) never come through here.
/// </summary>
internal sealed class InvocationGuard(AuthSettings settings, SecurityManifest manifest, RequestAuthenticator authenticator, InvokeAuthorizer authorizer)
{
    /// <summary>The service the Invoke API's signatures are scoped to.</summary>
    public const string LambdaService = "lambda";

    /// <summary>The service IAM-auth HTTP routes' signatures are scoped to, as for API Gateway.</summary>
    public const string ApiGatewayService = "execute-api";

    public const string InvokeAction = "lambda:InvokeFunction";
    public const string ApiGatewayAction = "execute-api:Invoke";

    public bool Enforced => settings.Enforce;

    public static InvocationGuard Create(AuthSettings settings, SecurityManifest manifest, string region, string accountId, TimeProvider time) =>
        new(settings, manifest, new RequestAuthenticator(settings, region, time), new InvokeAuthorizer(accountId, region));

    /// <summary>The key that signed the request (null when enforcement is off), or the refusal to answer with.</summary>
    public Authentication Authenticate(HttpContext http, ReadOnlySpan<byte> body, string service) =>
        settings.Enforce ? authenticator.Authenticate(http.Request, RawRequestTarget.Of(http), body, service) : default;

    /// <returns>Null when <paramref name="key"/> may invoke <paramref name="function"/>, or when enforcement is off.</returns>
    public Refusal? Authorize(AccessKey? key, string function, string action) =>
        settings.Enforce && key is not null ? authorizer.Authorize(key, function, manifest.StatementsOf(function), action) : null;

    /// <summary>A refusal as the Lambda API answers it.</summary>
    public static Task WriteLambdaRefusalAsync(HttpResponse response, Refusal refusal) =>
        ErrorResponses.WriteLambdaErrorAsync(response, StatusCodes.Status403Forbidden, refusal.ErrorType, refusal.Message);

    /// <summary>A refusal as API Gateway answers it: <c>{"message":...}</c> with the error type in <c>x-amzn-ErrorType</c>.</summary>
    public static Task WriteGatewayRefusalAsync(HttpResponse response, Refusal refusal)
    {
        response.Headers["x-amzn-ErrorType"] = refusal.ErrorType;
        return ErrorResponses.WriteGatewayErrorAsync(response, StatusCodes.Status403Forbidden, refusal.Message);
    }
}
