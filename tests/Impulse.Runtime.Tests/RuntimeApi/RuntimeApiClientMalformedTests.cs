using Impulse.Runtime;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Broken answers and broken connections end in a clear <see cref="RuntimeApiException"/>, never a hang.</summary>
public sealed class RuntimeApiClientMalformedTests
{
    private static async Task<RuntimeApiException> NextFailsAgainst(Func<ScriptedConnection, Task> answer)
    {
        await using var server = new ScriptedHttpServer(async c =>
        {
            await c.ReadRequestAsync();
            await answer(c);
            await c.WaitForClientCloseAsync();
        });
        using var client = new RuntimeApiClient(server.Address);
        return await Assert.ThrowsAsync<RuntimeApiException>(() => client.NextAsync(default).Within());
    }

    private static Task<RuntimeApiException> NextFailsAgainst(string response) => NextFailsAgainst(c => c.WriteAsync(response));

    [Theory]
    [InlineData("HTTP/2 200 OK\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n")]
    [InlineData("HTTP/1.1 2000 OK\r\n")]
    [InlineData("HTTP/1.1 abc OK\r\n")]
    [InlineData("HTTP/1.1 099 Low\r\n")]
    [InlineData("HTTP/1.1  200 OK\r\n")]
    [InlineData("ICY 200 OK\r\n")]
    [InlineData("http/1.1 200 OK\r\n")]
    [InlineData("HTTP/1.1 200 O\u0001K\r\n")]
    [InlineData("<html>hello</html>\r\n")]
    public async Task Next_WhenStatusLineIsMalformed_ThrowsStatusZeroNamingTheStatusLine(string statusLine)
    {
        var error = await NextFailsAgainst($"{statusLine}{Wire.LambdaHeaders()}Content-Length: 0\r\n\r\n");

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("malformed response", error.Message, StringComparison.Ordinal);
        Assert.Contains("status", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zz")]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData(" 5")]
    [InlineData("0x5")]
    [InlineData("5 garbage")]
    [InlineData("5;\u0001")]
    [InlineData("FFFFFFFFFFFFFFFFFFFF")]
    public async Task Next_WhenChunkSizeIsInvalid_ThrowsStatusZeroNamingTheChunkSize(string sizeLine)
    {
        var error = await NextFailsAgainst($"{Wire.NextChunkedHead()}{sizeLine}\r\nhello\r\n0\r\n\r\n");

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("chunk size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenChunkDataOverrunsItsSize_Throws()
    {
        var error = await NextFailsAgainst($"{Wire.NextChunkedHead()}3\r\nhello\r\n0\r\n\r\n");

        Assert.Contains("not followed by CRLF", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NoColonHere\r\n")]
    [InlineData(" Folded: continuation\r\n")]
    [InlineData("Bad Name: x\r\n")]
    [InlineData("Name : x\r\n")]
    [InlineData(": empty-name\r\n")]
    [InlineData("X-Control: a\u0001b\r\n")]
    [InlineData("X-Bare-Cr: a\rb\r\n")]
    public async Task Next_WhenAHeaderLineIsMalformed_ThrowsStatusZero(string headerLine)
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\n{headerLine}{Wire.LambdaHeaders()}Content-Length: 0\r\n\r\n");

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("malformed response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenALineEndsWithBareLf_Throws()
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\n{Wire.LambdaHeaders()}Content-Length: 0\r\n\r\n");

        Assert.Contains("bare LF", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenOneHeaderExceeds64Kb_ThrowsNamingTheLimit()
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\nX-Big: {new string('a', 70_000)}\r\n{Wire.LambdaHeaders()}Content-Length: 0\r\n\r\n");

        Assert.Contains("64 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenManyHeadersTogetherExceed64Kb_ThrowsNamingTheLimit()
    {
        var headers = string.Concat(Enumerable.Range(0, 1_000).Select(i => $"X-Header-{i}: {new string('v', 60)}\r\n"));

        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\n{headers}{Wire.LambdaHeaders()}Content-Length: 0\r\n\r\n");

        Assert.Contains("64 KB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenContentLengthExceedsTheBodyLimit_ThrowsBeforeReadingTheBody()
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\n{Wire.LambdaHeaders()}Content-Length: {RuntimeApiClient.MaxBodyBytes + 1L}\r\n\r\n");

        Assert.Contains($"over the {RuntimeApiClient.MaxBodyBytes}-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenChunkedBodyGrowsPastTheLimit_Throws()
    {
        var error = await NextFailsAgainst(async c =>
        {
            await c.WriteAsync(Wire.NextChunkedHead());
            var chunk = Wire.Bytes($"{1024 * 1024:x}\r\n{new string('x', 1024 * 1024)}\r\n");
            for (var i = 0; i <= RuntimeApiClient.MaxBodyBytes / (1024 * 1024); i++)
                await c.WriteAsync(chunk);
        });

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length: 2\r\nTransfer-Encoding: chunked\r\n", "both Content-Length and Transfer-Encoding")]
    [InlineData("Content-Length: 2\r\nContent-Length: 3\r\n", "two different Content-Length")]
    [InlineData("Content-Length: -2\r\n", "Content-Length is not a number")]
    [InlineData("Content-Length: 2, 2\r\n", "Content-Length is not a number")]
    [InlineData("Transfer-Encoding: gzip, chunked\r\n", "only 'chunked'")]
    [InlineData("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n", "only 'chunked'")]
    public async Task Next_WhenBodyFramingIsAmbiguous_ThrowsNamingTheProblem(string framing, string expected)
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\n{Wire.LambdaHeaders()}{framing}\r\nok");

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Lambda-Runtime-Deadline-Ms: 1\r\n", "Lambda-Runtime-Aws-Request-Id")]
    [InlineData("Lambda-Runtime-Aws-Request-Id: r\r\n", "Lambda-Runtime-Deadline-Ms")]
    [InlineData("Lambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: soon\r\n", "Lambda-Runtime-Deadline-Ms is not a number")]
    [InlineData("Lambda-Runtime-Aws-Request-Id: a/b\r\nLambda-Runtime-Deadline-Ms: 1\r\n", "cannot go in a URL path")]
    [InlineData("Lambda-Runtime-Aws-Request-Id: a b\r\nLambda-Runtime-Deadline-Ms: 1\r\n", "cannot go in a URL path")]
    public async Task Next_WhenLambdaHeadersAreMissingOrInvalid_ThrowsNamingTheHeader(string headers, string expected)
    {
        var error = await NextFailsAgainst($"HTTP/1.1 200 OK\r\n{headers}Content-Length: 2\r\n\r\n{{}}");

        Assert.Equal(0, error.StatusCode);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenServerSwitchesProtocols_Throws()
    {
        var error = await NextFailsAgainst("HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n\r\n");

        Assert.Contains("101", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "before any response arrived")]
    [InlineData("HTTP/1.1 200", "the status line")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Req", "the response headers")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nContent-Length: 10\r\n\r\nhalf", "the response body")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", "the response body")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", "a chunk size line")]
    [InlineData("HTTP/1.1 200 OK\r\nLambda-Runtime-Aws-Request-Id: r\r\nLambda-Runtime-Deadline-Ms: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-Trailer: 1\r\n", "the trailer section")]
    public async Task Next_WhenServerClosesMidResponse_ThrowsStatusZeroSayingWhere(string partial, string where)
    {
        var error = await NextFailsAgainst(async c =>
        {
            await c.WriteAsync(partial);
            c.Close();
        });

        Assert.Equal(0, error.StatusCode);
        Assert.Contains(where, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenServerResetsMidBody_ThrowsStatusZero()
    {
        var error = await NextFailsAgainst(async c =>
        {
            await c.WriteAsync($"HTTP/1.1 200 OK\r\n{Wire.LambdaHeaders()}Content-Length: 100\r\n\r\nsome");
            await Task.Delay(50);
            c.Reset();
        });

        Assert.Equal(0, error.StatusCode);
        Assert.Contains("Runtime API", error.Message, StringComparison.Ordinal);
    }
}
