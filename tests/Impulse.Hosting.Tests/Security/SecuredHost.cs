using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Impulse.Hosting.Tests.Security;

/// <summary>
/// A test host that knows several callers' keys, and a client that sends exactly what a test built, signed by the AWS
/// SDK with the key it names and then tampered with if the test says so.
/// </summary>
internal sealed class SecuredHost : IAsyncDisposable
{
    public static readonly SigningKey Alice = new("AKIDALICE", "alice-secret");
    public static readonly SigningKey Bob = new("AKIDBOB", "bob-secret");
    public static readonly SigningKey Carol = new("AKIDCAROL", "carol-secret");
    public static readonly SigningKey Plain = new("AKIDPLAIN", "plain-secret");
    public static readonly SigningKey Scoped = new("AKIDSCOPED", "scoped-secret");
    public static readonly SigningKey Root = new("AKIDROOT", "root-secret");
    public static readonly SigningKey Session = new("AKIDSESSION", "session-secret");

    public const string SessionToken = "session-token-1";

    private static readonly Dictionary<string, string?> Keys = new()
    {
        [$"Impulse:Auth:Keys:{Alice.Id}:Secret"] = Alice.Secret,
        [$"Impulse:Auth:Keys:{Alice.Id}:Principal"] = "arn:aws:iam::111122223333:user/alice",
        [$"Impulse:Auth:Keys:{Bob.Id}:Secret"] = Bob.Secret,
        [$"Impulse:Auth:Keys:{Bob.Id}:Principal"] = "arn:aws:iam::111122223333:user/bob",
        [$"Impulse:Auth:Keys:{Carol.Id}:Secret"] = Carol.Secret,
        [$"Impulse:Auth:Keys:{Carol.Id}:Principal"] = "arn:aws:iam::444455556666:user/carol",
        // Keys of the host's own account: one with no identity policy, one allowed a single function, and the root.
        [$"Impulse:Auth:Keys:{Plain.Id}:Secret"] = Plain.Secret,
        [$"Impulse:Auth:Keys:{Plain.Id}:Principal"] = "arn:aws:iam::000000000000:user/plain",
        [$"Impulse:Auth:Keys:{Scoped.Id}:Secret"] = Scoped.Secret,
        [$"Impulse:Auth:Keys:{Scoped.Id}:Principal"] = "arn:aws:iam::000000000000:user/scoped",
        [$"Impulse:Auth:Keys:{Scoped.Id}:Policy:0"] = "private",
        [$"Impulse:Auth:Keys:{Root.Id}:Secret"] = Root.Secret,
        [$"Impulse:Auth:Keys:{Root.Id}:Principal"] = "000000000000",
        [$"Impulse:Auth:Keys:{Session.Id}:Secret"] = Session.Secret,
        [$"Impulse:Auth:Keys:{Session.Id}:Principal"] = "arn:aws:sts::111122223333:assumed-role/alice-role/s1",
        [$"Impulse:Auth:Keys:{Session.Id}:SessionToken"] = SessionToken,
    };

    private readonly TestHost _host;
    private readonly HttpClient _raw;

    private SecuredHost(TestHost host)
    {
        _host = host;
        // No signing handler: requests leave exactly as the test signed and tampered with them.
        _raw = new HttpClient { BaseAddress = host.Handle.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public TestHost Host => _host;

    public static async Task<SecuredHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(Keys);
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
            settings[name] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new SecuredHost(await TestHost.StartAsync(o => o.Configuration = configuration));
    }

    /// <summary>A fresh probe key, so this test's handler calls are counted apart from every other test's.</summary>
    public static string NewProbe() => "security-" + Guid.NewGuid().ToString("N");

    public static string ProbeEvent(string probe) => $$"""{"key":"{{probe}}"}""";

    /// <summary>An Invoke API call of <paramref name="function"/> with a probe event.</summary>
    public static HttpRequestMessage Invocation(string function, string probe, string query = "") =>
        new(HttpMethod.Post, $"/2015-03-31/functions/{Uri.EscapeDataString(function)}/invocations{query}")
        {
            Content = new StringContent(ProbeEvent(probe), Encoding.UTF8, "application/json"),
        };

    /// <summary>Signs <paramref name="request"/> with <paramref name="key"/> (unless null), lets <paramref name="tamper"/> change it, and sends it.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, SigningKey? key, Action<HttpRequestMessage>? tamper = null)
    {
        request.RequestUri = new Uri(_raw.BaseAddress!, request.RequestUri!);
        if (key is not null)
            await SdkSigner.SignAsync(request, key);
        tamper?.Invoke(request);
        return await _raw.SendAsync(request);
    }

    /// <summary>Asserts a refusal: 403, the error type in <c>x-amzn-ErrorType</c>, and a message that contains <paramref name="message"/>.</summary>
    public static async Task AssertRefusedAsync(HttpResponseMessage response, string errorType, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"Expected 403, got {(int)response.StatusCode}: {body}");
        Assert.Equal(errorType, response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var json = JsonDocument.Parse(body);
        Assert.Contains(message, json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _raw.Dispose();
        await _host.DisposeAsync();
    }
}
