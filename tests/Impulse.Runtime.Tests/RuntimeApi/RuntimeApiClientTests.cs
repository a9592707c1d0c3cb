using System.Text;
using Impulse.FakeRuntimeApi;
using Impulse.Runtime;

namespace Impulse.Runtime.Tests.RuntimeApi;

/// <summary>The client against the Kestrel fake: the Runtime API's real semantics, round trip by round trip.</summary>
public sealed class RuntimeApiClientTests : IAsyncLifetime
{
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

    [Fact]
    public async Task Next_WhenInvocationQueued_ReturnsBodyAndEveryLambdaHeader()
    {
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_456);
        _server.Enqueue("""{"orderId":42}"""u8.ToArray(), "0f6e3c7a-1b2c-4d5e-8f90-123456789abc", deadline,
            "arn:aws:lambda:eu-west-1:111122223333:function:orders:prod", "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
            "eyJjdXN0b20iOnt9fQ==", """{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}""");

        var invocation = await _client.NextAsync(default).Within();

        Assert.Equal("0f6e3c7a-1b2c-4d5e-8f90-123456789abc", invocation.RequestId);
        Assert.Equal(1_800_000_000_456, invocation.DeadlineUnixMs);
        Assert.Equal("arn:aws:lambda:eu-west-1:111122223333:function:orders:prod", invocation.InvokedFunctionArn);
        Assert.Equal("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1", invocation.TraceId);
        Assert.Equal("eyJjdXN0b20iOnt9fQ==", invocation.ClientContext);
        Assert.Equal("""{"cognitoIdentityId":"id","cognitoIdentityPoolId":"pool"}""", invocation.CognitoIdentity);
        Assert.Equal("""{"orderId":42}""", Encoding.UTF8.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenOptionalHeadersAreAbsent_ReturnsNullForThem()
    {
        _server.Enqueue("{}"u8.ToArray());

        var invocation = await _client.NextAsync(default).Within();

        Assert.Null(invocation.ClientContext);
        Assert.Null(invocation.CognitoIdentity);
        Assert.Equal(_server.DefaultFunctionArn, invocation.InvokedFunctionArn);
    }

    [Fact]
    public async Task PostResponse_AfterNext_RecordsTheResponseBody()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();

        await _client.PostResponseAsync(id, """{"ok":true}"""u8.ToArray(), default).Within();

        var outcome = await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang);
        Assert.False(outcome.IsError);
        Assert.Equal("""{"ok":true}""", Encoding.UTF8.GetString(outcome.Body));
    }

    [Fact]
    public async Task PostError_AfterNext_SendsErrorTypeHeaderAndLambdaErrorContentType()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();
        var json = """{"errorMessage":"boom","errorType":"System.InvalidOperationException","stackTrace":[]}"""u8.ToArray();

        await _client.PostErrorAsync(id, "System.InvalidOperationException", json, default).Within();

        var outcome = await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang);
        Assert.True(outcome.IsError);
        Assert.Equal("System.InvalidOperationException", outcome.ErrorType);
        Assert.Equal("application/vnd.aws.lambda.error+json", outcome.ContentType);
        Assert.Equal(json, outcome.Body);
    }

    [Fact]
    public async Task PostInitError_Always_RecordsErrorTypeBodyAndContentType()
    {
        var json = """{"errorMessage":"no handler","errorType":"Runtime.UnknownHandler","stackTrace":[]}"""u8.ToArray();

        await _client.PostInitErrorAsync("Runtime.UnknownHandler", json, default).Within();

        var error = Assert.Single(_server.InitErrors);
        Assert.Equal("Runtime.UnknownHandler", error.ErrorType);
        Assert.Equal("application/vnd.aws.lambda.error+json", error.ContentType);
        Assert.Equal(json, error.Body);
    }

    [Fact]
    public async Task Requests_Always_CarryHostUserAgentAndContentLength()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();
        await _client.PostResponseAsync(id, "12345"u8.ToArray(), default).Within();

        var requests = _server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(_server.Address, r.Headers["Host"]));
        Assert.All(requests, r => Assert.Equal("impulse/0.1", r.Headers["User-Agent"]));
        Assert.Equal(("GET", "/2018-06-01/runtime/invocation/next"), (requests[0].Method, requests[0].Path));
        Assert.Equal(("POST", $"/2018-06-01/runtime/invocation/{id}/response"), (requests[1].Method, requests[1].Path));
        Assert.Equal("5", requests[1].Headers["Content-Length"]);
        Assert.Equal(5, requests[1].BodyLength);
    }

    [Fact]
    public async Task ManyInvocations_OnOneClient_ShareOneKeepAliveConnection()
    {
        for (var i = 0; i < 50; i++)
        {
            var id = _server.Enqueue(Encoding.UTF8.GetBytes($$"""{"n":{{i}}}"""));
            var invocation = await _client.NextAsync(default).Within();
            Assert.Equal(id, invocation.RequestId);
            await _client.PostResponseAsync(id, invocation.Body, default).Within();
        }

        Assert.Equal(100, _server.Requests.Count);
        Assert.Equal(1, _server.ConnectionCount);
    }

    [Fact]
    public async Task Next_WhenQueueIsEmpty_LongPollsUntilAnInvocationIsEnqueued()
    {
        var next = _client.NextAsync(default).AsTask();
        await _server.WaitForNextRequestAsync(TestTimeouts.Hang);
        await Task.Delay(200);
        Assert.False(next.IsCompleted);

        var id = _server.Enqueue("late"u8.ToArray());

        var invocation = await next.WaitAsync(TestTimeouts.Hang);
        Assert.Equal(id, invocation.RequestId);
        Assert.Equal("late", Encoding.UTF8.GetString(invocation.Body.Span));
    }

    [Fact]
    public async Task Next_WhenCancelledWhileWaiting_ThrowsOperationCanceledAndClientStaysUsable()
    {
        using var cancel = new CancellationTokenSource();
        var next = _client.NextAsync(cancel.Token).AsTask();
        await _server.WaitForNextRequestAsync(TestTimeouts.Hang);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(TestTimeouts.Hang));
        // Until the server sees the abandoned poll go, it could hand the next invocation to it.
        await TestTimeouts.Until(() => _server.WaitingNextCount == 0);
        var id = _server.Enqueue("after"u8.ToArray());
        var invocation = await _client.NextAsync(default).Within();
        Assert.Equal(id, invocation.RequestId);
    }

    [Fact]
    public async Task Next_WhenTokenIsAlreadyCancelled_ThrowsWithoutSendingARequest()
    {
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _client.NextAsync(new CancellationToken(true)).Within());

        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Next_WhenServerExitsWhenIdle_ThrowsStatus500WithServerMessage()
    {
        _server.ExitWhenIdle = true;

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => _client.NextAsync(default).Within());

        Assert.Equal(500, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
        Assert.Contains("Runtime.ExitRequested", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_WhenExitIsRequestedWhileWaiting_ThrowsStatus500()
    {
        var next = _client.NextAsync(default).AsTask();
        await _server.WaitForNextRequestAsync(TestTimeouts.Hang);

        _server.ExitWhenIdle = true;

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => next.WaitAsync(TestTimeouts.Hang));
        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task PostResponse_ForUnknownRequestId_Throws400WithBodyText()
    {
        var error = await Assert.ThrowsAsync<RuntimeApiException>(
            () => _client.PostResponseAsync("never-issued", "{}"u8.ToArray(), default).Within());

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("InvalidRequestID", error.Message, StringComparison.Ordinal);
        Assert.Contains("/2018-06-01/runtime/invocation/never-issued/response", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostResponse_WhenAlreadyAnswered_Throws403WithBodyText()
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        await _client.NextAsync(default).Within();
        await _client.PostResponseAsync(id, "1"u8.ToArray(), default).Within();

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => _client.PostResponseAsync(id, "2"u8.ToArray(), default).Within());

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("InvalidStateTransition", error.Message, StringComparison.Ordinal);
        Assert.Equal("1", Encoding.UTF8.GetString((await _server.WaitForOutcomeAsync(id, TestTimeouts.Hang)).Body));
    }

    [Theory]
    [InlineData(RuntimeApiEndpoint.Next, 400)]
    [InlineData(RuntimeApiEndpoint.Next, 403)]
    [InlineData(RuntimeApiEndpoint.Next, 413)]
    [InlineData(RuntimeApiEndpoint.Next, 500)]
    [InlineData(RuntimeApiEndpoint.Response, 400)]
    [InlineData(RuntimeApiEndpoint.Response, 403)]
    [InlineData(RuntimeApiEndpoint.Response, 413)]
    [InlineData(RuntimeApiEndpoint.Response, 500)]
    [InlineData(RuntimeApiEndpoint.Error, 400)]
    [InlineData(RuntimeApiEndpoint.Error, 500)]
    [InlineData(RuntimeApiEndpoint.InitError, 403)]
    [InlineData(RuntimeApiEndpoint.InitError, 500)]
    public async Task AnyEndpoint_WhenServerForcesAnErrorStatus_ThrowsThatStatusWithBodyText(RuntimeApiEndpoint endpoint, int status)
    {
        var id = _server.Enqueue("{}"u8.ToArray());
        if (endpoint != RuntimeApiEndpoint.Next)
            await _client.NextAsync(default).Within();
        _server.ForceStatus(endpoint, status, $$"""{"errorMessage":"forced {{status}}","errorType":"Forced"}""");

        var error = await Assert.ThrowsAsync<RuntimeApiException>(() => endpoint switch
        {
            RuntimeApiEndpoint.Next => _client.NextAsync(default).Within(),
            RuntimeApiEndpoint.Response => _client.PostResponseAsync(id, "{}"u8.ToArray(), default).Within(),
            RuntimeApiEndpoint.Error => _client.PostErrorAsync(id, "E", "{}"u8.ToArray(), default).Within(),
            _ => _client.PostInitErrorAsync("E", "{}"u8.ToArray(), default).Within(),
        });

        Assert.Equal(status, error.StatusCode);
        Assert.Contains($"answered {status}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"forced {status}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Next_AfterAnErrorStatus_ReusesTheConnection()
    {
        _server.ForceStatus(RuntimeApiEndpoint.Next, 500, "transient");
        await Assert.ThrowsAsync<RuntimeApiException>(() => _client.NextAsync(default).Within());
        var id = _server.Enqueue("{}"u8.ToArray());

        var invocation = await _client.NextAsync(default).Within();

        Assert.Equal(id, invocation.RequestId);
        Assert.Equal(1, _server.ConnectionCount);
    }
}
