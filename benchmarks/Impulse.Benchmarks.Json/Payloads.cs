using System.Text;
using Impulse.Events;

namespace Impulse.Benchmarks.Json;

/// <summary>
/// The inputs, as UTF-8 bytes built once. Samples are the canonical AWS payloads from
/// <c>../shared/events</c> with the whitespace between tokens removed, as Lambda delivers them;
/// string contents, escapes included, are left exactly as they are.
/// </summary>
public static class Payloads
{
    /// <summary>The HTTP API sample these benchmarks read: payload format 2.0 with a JWT authorizer and mutual TLS.</summary>
    public const string HttpApiSample = "apigw-v2-request-jwt-authorizer.json";

    /// <summary>The SQS sample's one record, repeated <paramref name="records"/> times with its own message id and body.</summary>
    public static byte[] Sqs(int records)
    {
        var record = Encoding.UTF8.GetString(Minify(Sample("sqs-event.json")));
        var start = record.IndexOf('[', StringComparison.Ordinal) + 1;
        var end = record.LastIndexOf(']');
        var template = record[start..end];
        if (!template.Contains("\"MessageID_1\"", StringComparison.Ordinal) || !template.Contains("\"Message Body\"", StringComparison.Ordinal))
            throw new InvalidOperationException("The SQS sample no longer has the message id and body the benchmark varies.");

        var json = new StringBuilder(record[..start]);
        for (var i = 1; i <= records; i++)
        {
            if (i > 1)
                json.Append(',');
            json.Append(template
                .Replace("\"MessageID_1\"", $"\"{MessageId(i)}\"", StringComparison.Ordinal)
                .Replace("\"Message Body\"", $"\"{Body(i)}\"", StringComparison.Ordinal));
        }
        json.Append(record[end..]);
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>The message id of the <paramref name="index"/>th record (from 1), shaped as SQS's are.</summary>
    public static string MessageId(int index) => $"059f36b4-87a3-44ab-83d2-{index:D12}";

    /// <summary>The body of the <paramref name="index"/>th record (from 1): plain text, nothing to unescape.</summary>
    public static string Body(int index) => $"Order ord-{index:D6} packed at warehouse 7; ready for pickup by the carrier.";

    /// <summary>The HTTP API v2 request sample.</summary>
    public static byte[] HttpApiRequest() => Minify(Sample(HttpApiSample));

    /// <summary>The DynamoDB Streams sample: two records, one with most attribute types in its new image.</summary>
    public static byte[] DynamoDb() => Minify(Sample("dynamodb-event.json"));

    /// <summary>A partial batch failure response naming <paramref name="failures"/> SQS message ids.</summary>
    public static BatchItemFailuresResponse BatchItemFailures(int failures) => new()
    {
        BatchItemFailures = [.. Enumerable.Range(1, failures).Select(i => new BatchItemFailure { ItemIdentifier = MessageId(i) })],
    };

    /// <summary>An HTTP API response: status, three headers and a 200-byte body, either plain text or JSON.</summary>
    public static ApiGatewayHttpApiV2ProxyResponse HttpApiResponse(string bodyKind) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = bodyKind == "json" ? "application/json" : "text/plain; charset=utf-8",
            ["cache-control"] = "no-store",
            ["x-request-id"] = "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
        },
        Body = ResponseBody(bodyKind),
        IsBase64Encoded = false,
    };

    /// <summary>
    /// A 200-byte body. <c>text</c> needs no escaping; <c>json</c> is a JSON document, whose quotes every
    /// writer here escapes (the default encoder writes <c>"</c> as <c>\u0022</c>).
    /// </summary>
    public static string ResponseBody(string bodyKind)
    {
        var body = bodyKind switch
        {
            "text" => "Order ord-000042 accepted for customer cus-7781; 3 lines, total 129.90 EUR. It ships from warehouse 7 within two working days, and a tracking number follows by mail once the carrier scans your parcel.",
            "json" => """{"orderId":"ord-000042","customerId":"cus-7781","status":"accepted","lines":3,"total":129.90,"currency":"EUR","warehouse":7,"shipsWithinDays":2,"tracking":null,"note":"tracking will follow by e-mail"}""",
            _ => throw new ArgumentOutOfRangeException(nameof(bodyKind), bodyKind, "Expected text or json."),
        };
        return Encoding.UTF8.GetByteCount(body) == 200
            ? body
            : throw new InvalidOperationException($"The {bodyKind} body is {Encoding.UTF8.GetByteCount(body)} bytes, not 200.");
    }

    private static byte[] Sample(string name)
    {
        using var stream = typeof(Payloads).Assembly.GetManifestResourceStream("events/" + name)
            ?? throw new InvalidOperationException($"The sample {name} is not embedded; see the project file.");
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Drops whitespace outside strings; unlike a re-serialization, leaves every string byte for byte.</summary>
    private static byte[] Minify(byte[] json)
    {
        var output = new List<byte>(json.Length);
        var inString = false;
        var bom = json.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        for (var i = bom; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                output.Add(b);
                if (b == '\\')
                    output.Add(json[++i]);
                else if (b == '"')
                    inString = false;
            }
            else if (b == '"')
            {
                inString = true;
                output.Add(b);
            }
            else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                output.Add(b);
            }
        }
        return [.. output];
    }
}
