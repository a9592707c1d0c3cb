using Impulse.FakeRuntimeApi;
using Impulse.Runtime;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>Bodies at Lambda's limits and bodies that arrive badly, against the Kestrel fake.</summary>
public sealed class RuntimeApiClientPayloadTests : IAsyncLifetime
{
    private const int SixMb = 6_291_456;

    private readonly FakeRuntimeApiServer _server = new();
    private RuntimeApiClient _client = null!;

    public async Task InitializeAsync()
    {
        await _server.StartAsync();
        _client = new RuntimeApiClient(_server.Address);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Next_WithSixMegabyteEvent_ReturnsWholeBody(bool chunked)
    {
        var payload = Wire.Payload(SixMb);
        if (chunked)
            _server.InjectFault(RuntimeApiEndpoint.Next, new ResponseFault { Chunked = true, DribbleBytes = 100_000 });
        _server.Enqueue(payload);

        var invocation = await _client.NextAsync(default).Within();

        Assert.Equal(SixMb, invocation.Body.Length);
        Assert.True(invocation.Body.Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task PostResponse_WithSixMegabyteBody_IsRecordedIntact()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();
        var payload = Wire.Payload(SixMb, seed: 2);

        await _client.PostResponseAsync(id, payload, default).Within();

        var outcome = await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang);
        Assert.Equal(payload, outcome.Body);
    }

    [Fact]
    public async Task PostResponse_OverLambdaLimit_Throws413AndLeavesInvocationOpenForAnError()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();

        var error = await Assert.ThrowsAsync<RuntimeApiException>(
            () => _client.PostResponseAsync(id, new byte[FakeRuntimeApiServer.MaxResponseBytes + 1], default).Within());
        await _client.PostErrorAsync(id, "Function.ResponseSizeTooLarge", "{}"u8.ToArray(), default).Within();

        Assert.Equal(413, error.StatusCode);
        Assert.Contains("RequestEntityTooLarge", error.Message, StringComparison.Ordinal);
        var outcome = await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang);
        Assert.Equal(("Function.ResponseSizeTooLarge", true), (outcome.ErrorType, outcome.IsError));
    }

    [Fact]
    public async Task PostResponse_AtExactlyLambdaLimit_IsAccepted()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();

        await _client.PostResponseAsync(id, Wire.Payload(FakeRuntimeApiServer.MaxResponseBytes), default).Within();

        Assert.Equal(FakeRuntimeApiServer.MaxResponseBytes, (await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang)).Body.Length);
    }

    [Fact]
    public async Task Next_WhenBodyIsChunkedInSmallPieces_ReturnsWholeBody()
    {
        var payload = Wire.Payload(50_000);
        _server.InjectFault(RuntimeApiEndpoint.Next, new ResponseFault { Chunked = true, DribbleBytes = 97 });
        _server.Enqueue(payload);

        var invocation = await _client.NextAsync(default).Within();

        Assert.True(invocation.Body.Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task Next_WhenServerDelaysHeadersAndDribblesBody_ReturnsWholeBody()
    {
        var payload = Wire.Payload(3_000);
        _server.InjectFault(RuntimeApiEndpoint.Next, new ResponseFault
        {
            HeaderDelay = TimeSpan.FromMilliseconds(300),
            DribbleBytes = 100,
            DribbleDelay = TimeSpan.FromMilliseconds(5),
        });
        _server.Enqueue(payload);

        var invocation = await _client.NextAsync(default).Within();

        Assert.True(invocation.Body.Span.SequenceEqual(payload));
    }

    [Fact]
    public async Task PostResponse_WhenServerAnswersSlowlyWithinTimeout_Succeeds()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();
        _server.InjectFault(RuntimeApiEndpoint.Response, new ResponseFault { HeaderDelay = TimeSpan.FromMilliseconds(300), DribbleBytes = 1 });

        await _client.PostResponseAsync(id, "{}"u8.ToArray(), default).Within();

        Assert.False((await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang)).IsError);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 1_000)]
    [InlineData(true, 1_000)]
    public async Task Next_WhenConnectionDropsMidBody_ThrowsStatusZeroAndRecoversOnNextCall(bool chunked, int sentBytes)
    {
        _server.InjectFault(RuntimeApiEndpoint.Next, new ResponseFault { Chunked = chunked, DribbleBytes = 500, DropAfterBodyBytes = sentBytes });
        _server.Enqueue(Wire.Payload(10_000));
        var second = _server.Enqueue("{}"u8.ToArray());

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => _client.NextAsync(default).Within());
        var invocation = await _client.NextAsync(default).Within();

        // Kestrel aborts with a reset, which may discard what had arrived, so where it failed varies.
        Assert.Equal(0, error.StatusCode);
        Assert.Contains("connection", error.Message, StringComparison.Ordinal);
        Assert.Equal(second, invocation.RequestId);
        Assert.Equal(2, _server.ConnectionCount);
    }

    [Fact]
    public async Task Next_WhenServerClosesConnectionAfterAnswer_NextRequestUsesNewConnection()
    {
        _server.InjectFault(RuntimeApiEndpoint.Next, new ResponseFault { CloseConnection = true });
        var id = _server.Enqueue("{}"u8.ToArray());

        await _client.NextAsync(default).Within();
        await _client.PostResponseAsync(id, "{}"u8.ToArray(), default).Within();

        Assert.Equal(2, _server.ConnectionCount);
        Assert.False((await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang)).IsError);
    }

    [Fact]
    public async Task Next_InSteadyState_DoesNotAllocatePerBodyByte()
    {
        const int Size = 1024 * 1024;
        const int Rounds = 40;
        var payload = Wire.Payload(Size);
        for (var i = 0; i < Rounds + 2; i++)
            _server.Enqueue(payload);
        await _client.NextAsync(default).Within();
        await _client.NextAsync(default).Within();

        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < Rounds; i++)
            await _client.NextAsync(default).Within();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        // A copy per call would be 40 MB; the pooled buffer leaves only the small per-request objects
        // of the client, the test and the in-process server.
        Assert.True(allocated < Size * Rounds / 4, $"allocated {allocated} bytes over {Rounds} calls");
    }
}
