using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Infrastructure;

/// <summary>The access key a test signs with: its id and secret, the region and service it signs for, and when.</summary>
public sealed record SigningKey(string Id, string Secret, string Region = "local", string Service = "lambda")
{
    /// <summary>When the request is signed; now when null.</summary>
    public DateTime? SignedAt { get; init; }

    /// <summary>The key every test host accepts for the host's own account, allowed to invoke every function.</summary>
    public static SigningKey Tests { get; } = new("AKIDIMPULSETESTS", "tests-secret/K7MDENG+bPxRfiCYEXAMPLEKEY");

    /// <summary>The principal <see cref="Tests"/> acts for.</summary>
    public const string TestsPrincipal = "arn:aws:iam::000000000000:user/tests";

    /// <summary>Adds <see cref="Tests"/> to a host's configuration, after whatever the test configured.</summary>
    public static IConfiguration WithTestsKey(IConfiguration? configuration) => new ConfigurationBuilder()
        .AddConfiguration(configuration ?? new ConfigurationBuilder().Build())
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"Impulse:Auth:Keys:{Tests.Id}:Secret"] = Tests.Secret,
            [$"Impulse:Auth:Keys:{Tests.Id}:Principal"] = TestsPrincipal,
            [$"Impulse:Auth:Keys:{Tests.Id}:Policy"] = "invoke-all",
        })
        .Build();
}

/// <summary>
/// Signs requests with the AWS SDK's own Signature Version 4 signer (<see cref="AWS4Signer"/> in AWSSDK.Core), so the
/// host's verification is checked against an implementation it shares nothing with. The request goes out exactly as
/// the SDK would send it: its URL composed by the SDK, with the SDK's <c>Host</c>, <c>X-Amz-Date</c>,
/// <c>X-Amz-Content-SHA256</c> and <c>Authorization</c> headers.
/// </summary>
public static class SdkSigner
{
    public static async Task SignAsync(HttpRequestMessage message, SigningKey key)
    {
        var uri = message.RequestUri ?? throw new InvalidOperationException("The request has no absolute URI to sign.");
        var endpoint = new Uri(uri.GetLeftPart(UriPartial.Authority));
        var request = new DefaultRequest(new SignedOperation(), "Lambda")
        {
            HttpMethod = message.Method.Method,
            Endpoint = endpoint,
            AuthenticationRegion = key.Region,
            OverrideSigningServiceName = key.Service,
        };

        // Each path segment travels as a path resource, which the SDK encodes as a service client encodes a function name.
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        request.ResourcePath = "/" + string.Join('/', segments.Select((_, i) => "{s" + i + "}"));
        for (var i = 0; i < segments.Length; i++)
            request.AddPathResource("{s" + i + "}", Uri.UnescapeDataString(segments[i]));
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            request.AddSubResource(Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]), equals < 0 ? null : Uri.UnescapeDataString(pair[(equals + 1)..]));
        }

        foreach (var header in message.Headers)
            request.Headers[header.Key] = string.Join(',', header.Value);
        request.Content = message.Content is null ? [] : await message.Content.ReadAsByteArrayAsync();
        if (message.Content?.Headers.ContentType is { } contentType)
            request.Headers["Content-Type"] = contentType.ToString();

        var config = new SigningConfig { AuthenticationRegion = key.Region, ServiceURL = endpoint.ToString() };
        var signer = new AWS4Signer();
        var result = key.SignedAt is { } at
            ? signer.SignRequest(request, config, null, key.Id, key.Secret, at)
            : signer.SignRequest(request, config, null, key.Id, key.Secret);

        message.RequestUri = AmazonServiceClient.ComposeUrl(request);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || name.Equals("host", StringComparison.OrdinalIgnoreCase))
                continue;
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", result.ForAuthorizationHeader);
    }

    /// <summary>An operation with no members of its own: the request's path, headers and body say everything.</summary>
    private sealed class SignedOperation : AmazonWebServiceRequest;

    /// <summary>The little of a service client's configuration the signer reads: the signing region and endpoint.</summary>
    private sealed class SigningConfig : ClientConfig
    {
        public SigningConfig() : base(null) { }
        public override string ServiceVersion => "2015-03-31";
        public override string UserAgent => "impulse-hosting-tests";
        public override string RegionEndpointServiceName => "lambda";
        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => new(ServiceURL);
    }
}

/// <summary>Signs every Invoke API request a test host's client sends with <see cref="SigningKey.Tests"/>.</summary>
public sealed class SigningHandler(SigningKey key) : DelegatingHandler(new HttpClientHandler())
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.StartsWith("/2015-03-31/", StringComparison.Ordinal) == true && request.Headers.Authorization is null)
            await SdkSigner.SignAsync(request, key);
        return await base.SendAsync(request, cancellationToken);
    }
}
