using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text.Unicode;
using System.Text.Json;
using Impulse.Hosting.Routing;
using Microsoft.AspNetCore.Http;

namespace Impulse.Hosting.Http;

/// <summary>The facts about a request that its event carries besides the request itself.</summary>
internal readonly record struct HttpEventContext(
    RouteTemplate Route,
    IReadOnlyDictionary<string, string>? PathParameters,
    RawRequestTarget Target,
    ReadOnlyMemory<byte> Body,
    string RequestId,
    string AccountId,
    DateTimeOffset Time);

/// <summary>
/// Writes a request as the event API Gateway HTTP APIs send in payload format 2.0
/// (<see cref="Impulse.Events.ApiGatewayHttpApiV2ProxyRequest"/>): header names lower-cased and repeated values
/// comma-joined, cookies moved out of the headers, binary bodies in base64.
/// </summary>
internal static class HttpEventWriter
{
    public const string ApiId = "local";
    public const string Stage = "$default";

    public static byte[] Write(HttpContext http, in HttpEventContext context)
    {
        var request = http.Request;
        var buffer = new ArrayBufferWriter<byte>(1024 + context.Body.Length * 4 / 3);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version"u8, "2.0");
            json.WriteString("routeKey"u8, context.Route.RouteKey);
            json.WriteString("rawPath"u8, context.Target.Path);
            json.WriteString("rawQueryString"u8, context.Target.Query);
            WriteCookies(json, request);
            WriteHeaders(json, http);
            WriteQuery(json, context.Target);
            if (context.PathParameters is { Count: > 0 } parameters)
            {
                json.WriteStartObject("pathParameters"u8);
                foreach (var (name, value) in parameters)
                    json.WriteString(name, value);
                json.WriteEndObject();
            }

            WriteRequestContext(json, http, context);
            var base64 = WriteBody(json, request.ContentType, context.Body.Span);
            json.WriteBoolean("isBase64Encoded"u8, base64);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Whether API Gateway passes a body of this content type as text. Anything else, a missing content type
    /// included, arrives in base64.
    /// </summary>
    public static bool IsText(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
            return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/javascript", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || mediaType.Equals("application/graphql", StringComparison.OrdinalIgnoreCase);
    }

    private static void WriteCookies(Utf8JsonWriter json, HttpRequest request)
    {
        var cookies = request.Headers.Cookie;
        if (cookies.Count == 0)
            return;
        json.WriteStartArray("cookies"u8);
        foreach (var header in cookies)
        {
            foreach (var cookie in (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                json.WriteStringValue(cookie);
        }

        json.WriteEndArray();
    }

    private static void WriteHeaders(Utf8JsonWriter json, HttpContext http)
    {
        json.WriteStartObject("headers"u8);
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, values) in http.Request.Headers)
        {
            // HTTP API format 2.0 carries cookies in their own array, not as a header.
            if (name.Equals("cookie", StringComparison.OrdinalIgnoreCase))
                continue;
            var lower = name.ToLowerInvariant();
            if (!written.Add(lower))
                continue;
            json.WriteString(lower, string.Join(',', values.ToArray()));
        }

        // API Gateway adds what its own proxy saw; locally the client is the connection's peer.
        if (written.Add("x-forwarded-for"))
            json.WriteString("x-forwarded-for"u8, SourceIp(http));
        if (written.Add("x-forwarded-port"))
            json.WriteString("x-forwarded-port"u8, http.Connection.LocalPort.ToString(CultureInfo.InvariantCulture));
        if (written.Add("x-forwarded-proto"))
            json.WriteString("x-forwarded-proto"u8, http.Request.Scheme);
        json.WriteEndObject();
    }

    private static void WriteQuery(Utf8JsonWriter json, RawRequestTarget target)
    {
        var parameters = target.QueryParameters();
        if (parameters.Count == 0)
            return;
        json.WriteStartObject("queryStringParameters"u8);
        foreach (var (name, value) in parameters)
            json.WriteString(name, value);
        json.WriteEndObject();
    }

    private static void WriteRequestContext(Utf8JsonWriter json, HttpContext http, in HttpEventContext context)
    {
        var request = http.Request;
        var domain = request.Host.Host;
        json.WriteStartObject("requestContext"u8);
        json.WriteString("accountId"u8, context.AccountId);
        json.WriteString("apiId"u8, ApiId);
        json.WriteString("domainName"u8, domain);
        json.WriteString("domainPrefix"u8, domain.Split('.', 2)[0]);
        json.WriteStartObject("http"u8);
        json.WriteString("method"u8, request.Method);
        json.WriteString("path"u8, context.Target.Path);
        json.WriteString("protocol"u8, request.Protocol);
        json.WriteString("sourceIp"u8, SourceIp(http));
        json.WriteString("userAgent"u8, request.Headers.UserAgent.ToString());
        json.WriteEndObject();
        json.WriteString("requestId"u8, context.RequestId);
        json.WriteString("routeKey"u8, context.Route.RouteKey);
        json.WriteString("stage"u8, Stage);
        // Common Log Format, as API Gateway writes requestContext.time.
        json.WriteString("time"u8, context.Time.UtcDateTime.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture));
        json.WriteNumber("timeEpoch"u8, context.Time.ToUnixTimeMilliseconds());
        json.WriteEndObject();
    }

    /// <returns>Whether the body was written in base64.</returns>
    private static bool WriteBody(Utf8JsonWriter json, string? contentType, ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return false;
        if (IsText(contentType) && Utf8.IsValid(body))
        {
            json.WriteString("body"u8, body);
            return false;
        }

        json.WriteBase64String("body"u8, body);
        return true;
    }

    private static string SourceIp(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is null)
            return IPAddress.Loopback.ToString();
        return (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
    }
}
