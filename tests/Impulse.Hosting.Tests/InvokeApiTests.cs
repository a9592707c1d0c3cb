using System.Net;
using System.Text;
using System.Text.Json;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>The Invoke API's statuses and headers, as the AWS SDKs and CLI read them.</summary>
public sealed class InvokeApiTests : IAsyncLifetime
{
    private TestHost _host = null!;

    public async Task InitializeAsync() => _host = await TestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Invoke_RequestResponse_Returns200WithResultAndExecutedVersion()
    {
        using var response = await _host.InvokeAsync("greet", """{"name":"Ada"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Hello, Ada!"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        Assert.False(response.Headers.Contains("X-Amz-Function-Error"));
        Assert.False(response.Headers.Contains("X-Amz-Log-Result"));
        Assert.True(Guid.TryParse(response.Headers.GetValues("x-amzn-RequestId").Single(), out _));
    }

    [Fact]
    public async Task Invoke_NoInvocationTypeHeader_DefaultsToRequestResponse()
    {
        using var response = await _host.InvokeAsync("greet", """{"name":"Bo"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_FunctionThrows_Returns200WithUnhandledErrorAndErrorJson()
    {
        using var response = await _host.InvokeAsync("fail", """{"name":"Cy"}""", "RequestResponse");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        Assert.Equal("$LATEST", response.Headers.GetValues("X-Amz-Executed-Version").Single());
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("boom for Cy", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task Invoke_FunctionTimesOut_Returns200WithTimeoutError()
    {
        using var response = await _host.InvokeAsync("too-slow", """{"key":"t"}""");

        Assert.Equal("Unhandled", response.Headers.GetValues("X-Amz-Function-Error").Single());
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Sandbox.Timedout", error.RootElement.GetProperty("errorType").GetString());
    }

    [Fact]
    public async Task Invoke_EventType_Returns202WithEmptyBodyAndRunsFunction()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await _host.InvokeAsync("counted", $$"""{"key":"{{key}}"}""", "Event");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        await Eventually.TrueAsync(() => Calls.Count(key) == 1, "the queued event to run");
    }

    [Fact]
    public async Task Invoke_DryRun_Returns204AndDoesNotRunFunction()
    {
        var key = Guid.NewGuid().ToString();

        using var response = await _host.InvokeAsync("counted", $$"""{"key":"{{key}}"}""", "DryRun");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await Task.Delay(100);
        Assert.Equal(0, Calls.Count(key));
    }

    [Fact]
    public async Task Invoke_UnknownInvocationType_Returns400ValidationException()
    {
        using var response = await _host.InvokeAsync("greet", "{}", "Sometimes");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ValidationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_UnknownFunction_Returns404ResourceNotFound()
    {
        using var response = await _host.InvokeAsync("no-such-function", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("User", error.RootElement.GetProperty("Type").GetString());
        Assert.Equal("Function not found: arn:aws:lambda:local:000000000000:function:no-such-function", error.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("greet:$LATEST", "")]
    [InlineData("greet", "?Qualifier=$LATEST")]
    [InlineData("greet:$LATEST", "?Qualifier=$LATEST")]
    [InlineData("arn:aws:lambda:local:000000000000:function:greet", "")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:greet:$LATEST", "")]
    [InlineData("000000000000:function:greet", "")]
    public async Task Invoke_LatestQualifierOrArn_RunsFunction(string name, string query)
    {
        using var response = await _host.InvokeAsync(name, """{"name":"Q"}""", query: query);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"message":"Hello, Q!"}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("greet:7", "")]
    [InlineData("greet", "?Qualifier=prod")]
    public async Task Invoke_QualifierOtherThanLatest_Returns404ResourceNotFound(string name, string query)
    {
        using var response = await _host.InvokeAsync(name, "{}", query: query);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("ResourceNotFoundException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_QualifierInNameAndQueryDisagree_Returns400()
    {
        using var response = await _host.InvokeAsync("greet:$LATEST", "{}", query: "?Qualifier=prod");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidParameterValueException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_PayloadOverSixMegabytes_Returns413()
    {
        var payload = "\"" + new string('a', 6_291_456) + "\"";

        using var response = await _host.InvokeAsync("greet", payload);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("User", error.RootElement.GetProperty("Type").GetString());
    }

    [Fact]
    public async Task Invoke_PayloadAtSixMegabytes_IsAccepted()
    {
        // Exactly the limit: the function gets it (and rejects it as the wrong shape, which is a function error, not a 413).
        var payload = "\"" + new string('a', 6_291_454) + "\"";

        using var response = await _host.InvokeAsync("greet", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_EventPayloadOverOneMegabyte_Returns413()
    {
        var payload = "\"" + new string('a', 1_048_576) + "\"";

        using var response = await _host.InvokeAsync("counted", payload, "Event");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Invoke_InvalidJson_Returns400InvalidRequestContent()
    {
        using var response = await _host.InvokeAsync("greet", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidRequestContentException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }

    [Fact]
    public async Task Invoke_ClientContextHeader_ReachesFunctionContext()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/2015-03-31/functions/context/invocations") { Content = new StringContent("""{"key":"k"}""") };
        request.Headers.Add("X-Amz-Client-Context", Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"custom":{"a":"b"}}""")));

        using var response = await _host.Client.SendAsync(request);
        using var seen = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("""{"custom":{"a":"b"}}""", seen.RootElement.GetProperty("clientContext").GetString());
        Assert.Equal("context", seen.RootElement.GetProperty("functionName").GetString());
        Assert.Equal("$LATEST", seen.RootElement.GetProperty("functionVersion").GetString());
        Assert.Equal("arn:aws:lambda:local:000000000000:function:context", seen.RootElement.GetProperty("invokedFunctionArn").GetString());
        Assert.Equal(response.Headers.GetValues("x-amzn-RequestId").Single(), seen.RootElement.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task Invoke_EmptyPayload_FunctionGetsEmptyObject()
    {
        using var response = await _host.InvokeAsync("fail", "");

        // An empty object reaches the handler, whose reader reports the missing property: proof the payload was {}.
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("name", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListFunctions_Get_ReturnsEveryFunctionWithItsConfiguration()
    {
        using var response = await _host.Client.GetAsync("/2015-03-31/functions");
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var functions = list.RootElement.GetProperty("Functions").EnumerateArray().ToList();
        var names = functions.Select(f => f.GetProperty("FunctionName").GetString()).ToList();
        Assert.Contains("greet", names);
        Assert.Contains("get-item", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        var latched = functions.Single(f => f.GetProperty("FunctionName").GetString() == "latched");
        Assert.Equal(10, latched.GetProperty("Timeout").GetInt32());
        Assert.Equal(128, latched.GetProperty("MemorySize").GetInt32());
        Assert.Equal("arn:aws:lambda:local:000000000000:function:latched", latched.GetProperty("FunctionArn").GetString());
    }

    [Fact]
    public async Task InvokeApi_UnknownOperation_Returns404()
    {
        using var response = await _host.Client.GetAsync("/2015-03-31/functions/greet/configuration");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("UnknownOperationException", response.Headers.GetValues("x-amzn-ErrorType").Single());
    }
}
