using System.Text;
using Impulse.Runtime;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Response framing byte by byte, against a scripted raw-socket server.</summary>
public sealed class RuntimeApiClientFramingTests
{
    private static async Task<RuntimeInvocation> NextAgainst(string response)
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync(response);
            await c.WaitForClientCloseAsync();
        });
        using var client = new RuntimeApiClient(server.Address);
        return await client.NextAsync(default).Within();
    }

    [Fact]
    public async Task Next_WhenHeadersArriveByteByByte_ReturnsInvocation()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.DribbleAsync(Wire.Bytes(Wire.Next("""{"slow":true}""")), 1, TimeSpan.FromMilliseconds(1));
        });
        using var client = new RuntimeApiClient(server.Address);

        var invocation = await client.NextAsync(default).Within();

        Assert.Equal("req-1", invocation.RequestId);
        Assert.Equal(Wire.Deadline, invocation.DeadlineUnixMs);
        Assert.Equal("""{"slow":true}""", Encoding.UTF8.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenBodyIsDelayedAfterHeaders_WaitsForIt()
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await c.WriteAsync($"HTTP/1.1 200 OK\r\n{Wire.LambdaHeaders()}Content-Length: 5\r\n\r\n");
            await Task.Delay(500);
            await c.WriteAsync("he");
            await Task.Delay(100);
            await c.WriteAsync("llo");
        });
        using var client = new RuntimeApiClient(server.Address);

        var invocation = await client.NextAsync(default).Within();

        Assert.Equal("hello", Encoding.ASCII.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenBodyIsChunkedWithExtensionsAndTrailers_ReturnsDecodedBody()
    {
        var invocation = await NextAgainst(
            Wire.NextChunkedHead() +
            "5;name=value\r\nhello\r\n" +
            "6 ; quoted=\"a b\"\r\n world\r\n" +
            "0000A\r\n, chunked!\r\n" +
            "0;final\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n");

        Assert.Equal("hello world, chunked!", Encoding.ASCII.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenBodyHasManyTinyChunks_ReturnsWholeBody()
    {
        var expected = new StringBuilder();
        var wire = new StringBuilder(Wire.NextChunkedHead());
        for (var i = 0; i < 20_000; i++)
        {
            var c = (char)('a' + i % 26);
            expected.Append(c);
            wire.Append(i % 2 == 0 ? "1\r\n" : "01;x\r\n").Append(c).Append("\r\n");
        }
        wire.Append("0\r\n\r\n");

        var invocation = await NextAgainst(wire.ToString());

        Assert.Equal(expected.ToString(), Encoding.ASCII.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenHeaderNamesUseAnyCase_ReadsThem()
    {
        var invocation = await NextAgainst(
            "HTTP/1.1 200 OK\r\nlambda-runtime-aws-request-id: lower\r\nLAMBDA-RUNTIME-DEADLINE-MS: 5\r\n" +
            "lambda-runtime-trace-id:Root=1\r\ncontent-length:   2\t\r\n\r\nok");

        Assert.Equal(("lower", 5L, "Root=1", ""), (invocation.RequestId, invocation.DeadlineUnixMs, invocation.TraceId, invocation.InvokedFunctionArn));
        Assert.Equal("ok", Encoding.ASCII.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenInterimContinueComesFirst_SkipsIt()
    {
        var invocation = await NextAgainst("HTTP/1.1 100 Continue\r\n\r\n" + Wire.Next("after-100"));

        Assert.Equal("after-100", Encoding.ASCII.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenBodyHasNoFraming_ReadsUntilCloseAndReconnectsNextTime()
    {
        await using var server = new ScriptedHttpServer(
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync($"HTTP/1.1 200 OK\r\n{Wire.LambdaHeaders()}\r\nuntil-close");
                c.Close();
            },
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Accepted);
            });
        using var client = new RuntimeApiClient(server.Address);

        var invocation = await client.NextAsync(default).Within();
        await client.PostResponseAsync(invocation.RequestId, "{}"u8.ToArray(), default).Within();

        Assert.Equal("until-close", Encoding.ASCII.GetString(invocation.Body.Span));
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact]
    public async Task PostResponse_WhenAcceptedHasNoFraming_SucceedsAndReconnectsNextTime()
    {
        await using var server = new ScriptedHttpServer(
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}"));
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 202 Accepted\r\n\r\n");
                await c.WaitForClientCloseAsync();
            },
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}", "req-2"));
            });
        using var client = new RuntimeApiClient(server.Address);

        await client.NextAsync(default).Within();
        await client.PostResponseAsync("req-1", "{}"u8.ToArray(), default).Within();
        var second = await client.NextAsync(default).Within();

        Assert.Equal("req-2", second.RequestId);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Theory]
    [InlineData("HTTP/1.0 200 OK\r\n", 2)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\n", 1)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\n", 2)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: upgrade, Close\r\n", 2)]
    [InlineData("HTTP/1.1 200 OK\r\n", 1)]
    public async Task Next_WhenResponseSaysHowConnectionEnds_ReusesOrReconnectsAccordingly(string statusAndConnection, int connections)
    {
        var response = $"{statusAndConnection}{Wire.LambdaHeaders()}Content-Length: 2\r\n\r\n{{}}";
        Task Serve(ScriptedConnection c) => c.ServeAsync(request => request.Method == "GET" ? response : Wire.Accepted);
        await using var server = new ScriptedHttpServer(Serve, Serve);
        using var client = new RuntimeApiClient(server.Address);

        await client.NextAsync(default).Within();
        await client.PostResponseAsync("req-1", "{}"u8.ToArray(), default).Within();

        Assert.Equal(connections, server.ConnectionCount);
    }

    [Fact]
    public async Task Next_WhenServerSendsBytesBeyondTheResponse_DoesNotReuseTheConnection()
    {
        await using var server = new ScriptedHttpServer(
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync(Wire.Next("{}") + "HTTP/1.1 202 Accepted\r\nContent-Length: 0\r\n\r\n");
                await c.WaitForClientCloseAsync();
            },
            async c =>
            {
                await c.ReadRequestAsync();
                await c.WriteAsync("HTTP/1.1 202 Accepted\r\nContent-Length: 4\r\n\r\nreal");
            });
        using var client = new RuntimeApiClient(server.Address);

        await client.NextAsync(default).Within();
        await client.PostResponseAsync("req-1", "{}"u8.ToArray(), default).Within();

        Assert.Equal(2, server.ConnectionCount);
        await server.AllScriptsDone();
    }
}
