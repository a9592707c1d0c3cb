using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Impulse.FakeRuntimeApi;
using Impulse.Runtime;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Keep-alive reuse, reconnects, retries, timeouts and request validation.</summary>
public sealed class RuntimeApiClientConnectionTests
{
    [Fact]
    public async Task PostResponse_WhenServerClosedTheIdleConnection_ReconnectsTransparently()
    {
        ScriptedRequest? post = null;
        await using var server = new ScriptedHttpServer(
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}"));
                c.Close();
            },
            async c =>
            {
                post = await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Accepted);
            });
        using var client = new RuntimeApiClient(server.Address);
        await client.NextAsync(default).Within();
        await server.ScriptDone(0);
        await Task.Delay(100);

        await client.PostResponseAsync("req-1", "done"u8.ToArray(), default).Within();

        await server.AllScriptsDone();
        Assert.Equal(2, server.ConnectionCount);
        Assert.Equal("done"u8.ToArray(), post!.Body);
    }

    [Fact]
    public async Task Next_WhenReusedConnectionClosesWithoutAnswering_RetriesOnceOnANewConnection()
    {
        await using var server = new ScriptedHttpServer(
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}", "first"));
                await c.ReadRequestAsync();
                c.Close();
            },
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}", "second"));
            });
        using var client = new RuntimeApiClient(server.Address);

        var first = await client.NextAsync(default).Within();
        var second = await client.NextAsync(default).Within();

        Assert.Equal(("first", "second"), (first.RequestId, second.RequestId));
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task Next_WhenFreshConnectionClosesWithoutAnswering_ThrowsRatherThanRetrying()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            c.Close();
        });
        using var client = new RuntimeApiClient(server.Address);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(default).Within());

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("before any response arrived", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task PostResponse_WhenReusedConnectionClosesAfterTheRequestWasSent_ThrowsAndNeverResends()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Wire.Next("{}"));
            await c.ReadRequestAsync();
            c.Close();
        });
        using var client = new RuntimeApiClient(server.Address);
        await client.NextAsync(default).Within();

        var error = await Assert.ThrowsAsync<RuntimeApiException>(
            () => client.PostResponseAsync("req-1", "maybe-processed"u8.ToArray(), default).Within());
        await Task.Delay(200);

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task PostResponse_WhenServerNeverAnswers_FailsAfterThePostTimeout()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(Wire.Next("{}"));
            await c.ReadRequestAsync();
            await c.StallAsync();
        });
        using var client = new RuntimeApiClient(server.Address, TimeSpan.FromMilliseconds(300));
        await client.NextAsync(default).Within();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.PostResponseAsync("req-1", "{}"u8.ToArray(), default).Within());

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("did not answer POST /2018-06-01/runtime/invocation/req-1/response within 0.3 s", error.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task PostResponse_WhenServerStallsMidBody_FailsAfterThePostTimeout()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 100\r\n\r\npartial");
            await c.StallAsync();
        });
        using var client = new RuntimeApiClient(server.Address, TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.PostInitErrorAsync("E", "{}"u8.ToArray(), default).Within());

        Assert.Contains("did not answer POST /2018-06-01/runtime/init/error", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostResponse_WhenCallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.StallAsync();
        });
        using var client = new RuntimeApiClient(server.Address, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => client.PostInitErrorAsync("E", "{}"u8.ToArray(), cancel.Token).Within());

        Assert.Equal(cancel.Token, error.CancellationToken);
    }

    [Fact]
    public async Task Next_WhenServerTakesLongerThanThePostTimeout_KeepsWaiting()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await Task.Delay(800);
            await c.WriteAsync(Wire.Next("{}", "long-poll"));
        });
        using var client = new RuntimeApiClient(server.Address, TimeSpan.FromMilliseconds(100));

        var invocation = await client.NextAsync(default).Within();

        Assert.Equal("long-poll", invocation.RequestId);
    }

    [Fact]
    public async Task Posts_SpreadOverLongerThanThePostTimeout_EachGetTheirOwnWindow()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address, TimeSpan.FromSeconds(1));

        for (var i = 0; i < 6; i++)
        {
            var id = server.Enqueue("{}"u8.ToArray());
            await client.NextAsync(default).Within();
            await Task.Delay(400);
            await client.PostResponseAsync(id, "{}"u8.ToArray(), default).Within();
        }

        Assert.Equal(12, server.Requests.Count);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Theory]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("abc\n")]
    [InlineData("a/b")]
    [InlineData("../next")]
    [InlineData("a b")]
    [InlineData("a?b")]
    [InlineData("a%0D")]
    [InlineData("é")]
    [InlineData("")]
    public async Task Posts_WhenRequestIdIsNotUrlSafe_ThrowArgumentExceptionAndSendNothing(string requestId)
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address);

        var response = await Assert.ThrowsAsync<ArgumentException>(() => client.PostResponseAsync(requestId, "{}"u8.ToArray(), default).Within());
        await Assert.ThrowsAsync<ArgumentException>(() => client.PostErrorAsync(requestId, "E", "{}"u8.ToArray(), default).Within());

        Assert.Equal("requestId", response.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task PostError_WhenErrorTypeHasControlCharacters_SendsThemReplaced()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address);
        var id = server.Enqueue("{}"u8.ToArray());
        await client.NextAsync(default).Within();

        await client.PostErrorAsync(id, "Bad\r\nX-Injected: 1", "{}"u8.ToArray(), default).Within();

        var outcome = await server.WaitForOutcomeAsync(id, TestTimeouts.Hang);
        Assert.Equal("Bad__X-Injected: 1", outcome.ErrorType);
        Assert.DoesNotContain(server.Requests, r => r.Headers.ContainsKey("X-Injected"));
    }

    [Fact]
    public async Task Requests_OnTheWire_AreExactlyAsSpecified()
    {
        var requests = new List<ScriptedRequest>();
        await using var server = new ScriptedHttpServer(c => c.ServeAsync(r =>
        {
            requests.Add(r);
            return r.Method == "GET" ? Wire.Next("{}") : Wire.Accepted;
        }));
        using var client = new RuntimeApiClient(server.Address);

        await client.NextAsync(default).Within();
        await client.PostResponseAsync("req-1", "hello"u8.ToArray(), default).Within();
        await client.PostErrorAsync("req-1", "Err.Type", "{}"u8.ToArray(), default).Within();
        await client.PostInitErrorAsync("Init.Type", new byte[100_000], default).Within();

        var common = $"Host: {server.Address}\r\nUser-Agent: impulse/0.1\r\n";
        const string ErrorHeaders = "Content-Type: application/vnd.aws.lambda.error+json\r\nLambda-Runtime-Function-Error-Type: ";
        Assert.Equal(
            [
                $"GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\n{common}\r\n",
                $"POST /2018-06-01/runtime/invocation/req-1/response HTTP/1.1\r\n{common}Content-Length: 5\r\n\r\n",
                $"POST /2018-06-01/runtime/invocation/req-1/error HTTP/1.1\r\n{common}Content-Length: 2\r\n{ErrorHeaders}Err.Type\r\n\r\n",
                $"POST /2018-06-01/runtime/init/error HTTP/1.1\r\n{common}Content-Length: 100000\r\n{ErrorHeaders}Init.Type\r\n\r\n",
            ],
            requests.Select(r => r.RawHead));
        Assert.Equal("hello"u8.ToArray(), requests[1].Body);
        Assert.Equal(100_000, requests[3].Body.Length);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task Next_WhenCalledWhileAnotherRequestIsInFlight_ThrowsInvalidOperation()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address);
        var pending = client.NextAsync(default).AsTask();
        await server.WaitForNextRequestAsync(TestTimeouts.Hang);

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.PostInitErrorAsync("E", "{}"u8.ToArray(), default).Within());

        var id = server.Enqueue("{}"u8.ToArray());
        Assert.Equal(id, (await pending.WaitAsync(TestTimeouts.Hang)).RequestId);
    }

    [Fact]
    public async Task Next_WhenNothingListens_ThrowsStatusZeroNamingTheAddress()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = $"127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        listener.Stop();
        using var client = new RuntimeApiClient(address);

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(default).Within());

        Assert.Equal(0, error.StatusCode);
        Assert.Contains($"Cannot connect to the Runtime API at {address}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenServerTimesOutTheIdleKeepAliveConnection_Reconnects()
    {
        await using var server = new FakeRuntimeApiServer(keepAliveTimeout: TimeSpan.FromSeconds(1));
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address);
        var first = server.Enqueue("{}"u8.ToArray());
        await client.NextAsync(default).Within();
        await client.PostResponseAsync(first, "{}"u8.ToArray(), default).Within();

        await TestTimeouts.Until(() => server.OpenConnectionCount == 0);
        var second = server.Enqueue("{}"u8.ToArray());
        await client.NextAsync(default).Within();
        await client.PostResponseAsync(second, "{}"u8.ToArray(), default).Within();

        Assert.Equal(2, server.ConnectionCount);
        Assert.False((await server.WaitForOutcomeAsync(second, TestTimeouts.Hang)).IsError);
    }

    [Fact]
    public async Task Constructor_WithLocalhost_ReachesAServerOnIPv4Loopback()
    {
        await using var server = new FakeRuntimeApiServer();
        await server.StartAsync();
        using var client = new RuntimeApiClient(server.Address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal));
        var id = server.Enqueue("{}"u8.ToArray());

        var invocation = await client.NextAsync(default).Within();

        Assert.Equal(id, invocation.RequestId);
        Assert.StartsWith("localhost:", server.Requests[0].Headers["Host"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_WithBracketedIPv6Literal_ReachesTheServerAndSendsThatHost()
    {
        ScriptedRequest? request = null;
        await using var server = new ScriptedHttpServer(IPAddress.IPv6Loopback, async c =>
        {
            request = await c.ReadRequestAsync();
            await c.WriteAsync(Wire.Next("{}", "v6"));
        });
        using var client = new RuntimeApiClient(server.Address);

        var invocation = await client.NextAsync(default).Within();

        Assert.Equal("v6", invocation.RequestId);
        Assert.StartsWith("[::1]:", request!.Headers["Host"], StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WhenHostDoesNotResolve_ThrowsStatusZeroNamingTheHost()
    {
        var error = Assert.Throws<RuntimeApiException>(() => new RuntimeApiClient("no-such-host.invalid:9001"));

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("'no-such-host.invalid'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost")]
    [InlineData("localhost:")]
    [InlineData(":9001")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:+80")]
    [InlineData("host:abc")]
    [InlineData("a b:9001")]
    [InlineData("host:9001\r\nX: y")]
    [InlineData("http://127.0.0.1:9001")]
    [InlineData("::1:9001")]
    [InlineData("[::1]9001")]
    [InlineData("[nonsense]:9001")]
    public void Constructor_WhenAddressIsNotHostColonPort_ThrowsArgumentException(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => new RuntimeApiClient(address));

        Assert.Contains("host:port", error.Message, StringComparison.Ordinal);
    }
}
