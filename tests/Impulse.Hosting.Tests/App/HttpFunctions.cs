using System.Text;
using Impulse.Events;

namespace Impulse.Hosting.Tests.App;

/// <summary>Functions behind HTTP push triggers, covering routing, the event and every kind of result.</summary>
public static class HttpFunctions
{
    [Function("get-item")]
    [PushTrigger(PushSource.Http, "GET /items/{id}")]
    public static RouteHit GetItem(ApiGatewayHttpApiV2ProxyRequest request) => new("get-item", request.PathParameters);

    [Function("special-item")]
    [PushTrigger(PushSource.Http, "GET /items/special")]
    public static RouteHit SpecialItem(ApiGatewayHttpApiV2ProxyRequest request) => new("special-item", request.PathParameters);

    [Function("create-item")]
    [PushTrigger(PushSource.Http, "POST /items")]
    public static RouteHit CreateItem(ApiGatewayHttpApiV2ProxyRequest request) => new("create-item", request.PathParameters);

    [Function("files")]
    [PushTrigger(PushSource.Http, "ANY /files/{proxy+}")]
    public static RouteHit Files(ApiGatewayHttpApiV2ProxyRequest request) => new("files", request.PathParameters);

    /// <summary>Returns the event it was given, so tests read what a handler sees.</summary>
    [Function("echo")]
    [PushTrigger(PushSource.Http, "POST /echo/{name}")]
    [PushTrigger(PushSource.Http, "GET /echo/{name}")]
    public static ApiGatewayHttpApiV2ProxyRequest Echo(ApiGatewayHttpApiV2ProxyRequest request) => request;

    [Function("respond-shape")]
    [PushTrigger(PushSource.Http, "GET /respond/shape")]
    public static ApiGatewayHttpApiV2ProxyResponse Shape() => new()
    {
        StatusCode = 201,
        Headers = new Dictionary<string, string> { ["content-type"] = "text/plain", ["x-custom"] = "yes" },
        Cookies = ["session=abc; Path=/", "theme=dark"],
        Body = "created",
    };

    [Function("respond-binary")]
    [PushTrigger(PushSource.Http, "GET /respond/binary")]
    public static ApiGatewayHttpApiV2ProxyResponse Binary() => new()
    {
        Headers = new Dictionary<string, string> { ["content-type"] = "application/octet-stream" },
        Body = Convert.ToBase64String([0, 1, 2, 254, 255]),
        IsBase64Encoded = true,
    };

    [Function("respond-string")]
    [PushTrigger(PushSource.Http, "GET /respond/string")]
    public static string Text() => "hello \"world\"";

    [Function("respond-multi")]
    [PushTrigger(PushSource.Http, "GET /respond/multi")]
    public static MultiValueResponse Multi() => new(202, new Dictionary<string, IReadOnlyList<string>> { ["x-many"] = ["one", "two"] }, "multi");

    [Function("respond-fail")]
    [PushTrigger(PushSource.Http, "GET /respond/fail")]
    public static string Fail(FunctionContext context)
    {
        context.Logger.Info("about to fail");
        throw new InvalidOperationException("the handler broke");
    }

    /// <summary>Held on a latch named by the path, with room for one invocation at a time.</summary>
    [Function("latched-http", ReservedConcurrency = 1, TimeoutSeconds = 10)]
    [PushTrigger(PushSource.Http, "GET /latched/{key}")]
    public static async Task<string> LatchedHttp(ApiGatewayHttpApiV2ProxyRequest request, FunctionContext context)
    {
        await Latches.Get(request.PathParameters!["key"]).EnterAsync(context.CancellationToken).ConfigureAwait(false);
        return "released";
    }

    /// <summary>Decodes a base64 body back, to show binary bodies arrive intact.</summary>
    [Function("body-length")]
    [PushTrigger(PushSource.Http, "PUT /upload")]
    public static int BodyLength(ApiGatewayHttpApiV2ProxyRequest request) =>
        request.Body is null ? 0 : request.IsBase64Encoded ? Convert.FromBase64String(request.Body).Length : Encoding.UTF8.GetByteCount(request.Body);
}
