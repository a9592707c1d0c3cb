using System.Text.Json;
using Impulse.Testing;

namespace Impulse.Generators.Tests;

/// <summary>Runs the generated invokers of every handler shape, as the runtime would.</summary>
public sealed class InvocationTests : IClassFixture<InvocationTests.ShapesFixture>
{
    private readonly FunctionTestHost _host;
    private readonly ShapesFixture _fixture;

    public InvocationTests(ShapesFixture fixture)
    {
        _fixture = fixture;
        _host = fixture.Host;
    }

    public sealed class ShapesFixture : IDisposable
    {
        public ShapesFixture()
        {
            App = LoadedApp.Application(GeneratorRun.Of(Sources.ShapesApp).Output);
            Host = new FunctionTestHost(App);
        }

        public Impulse.Dispatch.FunctionApplication App { get; }
        public FunctionTestHost Host { get; }
        public void Dispose() => Host.Dispose();
    }

    [Fact]
    public async Task Invoke_InstanceAsyncHandler_BuildsClassFromServicesAndWritesResult()
    {
        var invocation = await _host.InvokeAsync("price", """{"Id":"o-1","Quantity":4}""");

        Assert.True(invocation.Succeeded, invocation.ErrorMessage);
        Assert.Equal("""{"OrderId":"o-1","Total":10.0}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Invoke_DisposableFunctionClass_DisposesItAfterEachCall()
    {
        var before = (int)LoadedApp.StaticField(_fixture.App, "Shop.Checkout", "Disposed")!;

        await _host.InvokeAsync("price-sync", """{"Id":"o-2","Quantity":1}""");
        await _host.InvokeAsync("price-sync", """{"Id":"o-3","Quantity":1}""");

        Assert.Equal(before + 2, (int)LoadedApp.StaticField(_fixture.App, "Shop.Checkout", "Disposed")!);
    }

    [Fact]
    public async Task Invoke_StringHandler_ReadsAndWritesJsonStrings()
    {
        var invocation = await _host.InvokeAsync("echo", "\"h\\u00e9llo\"");

        Assert.Equal("\"h\\u00E9llo\"", invocation.ResultJson);
    }

    [Fact]
    public async Task Invoke_JsonElementHandler_PassesAnyJsonThrough()
    {
        var invocation = await _host.InvokeAsync("raw", """{"a":[1,2,{"b":null}]}""");

        Assert.Equal("""{"a":[1,2,{"b":null}]}""", invocation.ResultJson);
    }

    [Fact]
    public async Task Invoke_VoidAndValueTaskHandlers_CallTheMethodAndReturnNoBody()
    {
        var sync = await _host.InvokeAsync("record", """{"Id":"seen-1","Quantity":1}""");
        Assert.Equal("seen-1", LoadedApp.StaticField(_fixture.App, "Shop.Tools", "LastSeen"));
        var async = await _host.InvokeAsync("record-async", """{"Id":"seen-2","Quantity":1}""");
        Assert.Equal("seen-2", LoadedApp.StaticField(_fixture.App, "Shop.Tools", "LastSeen"));

        Assert.Equal("", sync.ResultJson);
        Assert.Equal("", async.ResultJson);
    }

    [Fact]
    public async Task Invoke_HandlerWithNoEvent_IgnoresThePayload()
    {
        var invocation = await _host.InvokeAsync("nothing", "{}");

        Assert.True(invocation.Succeeded);
    }

    [Fact]
    public async Task Invoke_HandlerThatThrows_ReportsTypeAndMessage()
    {
        var invocation = await _host.InvokeAsync("fail", """{"Id":"bad","Quantity":1}""");

        Assert.Equal("InvalidOperationException", invocation.ErrorType);
        Assert.Equal("cannot take bad", invocation.ErrorMessage);
        Assert.Contains(_host.LogLines, line => line.Contains("\"level\":\"ERROR\"") && line.Contains(invocation.RequestId));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{\"Id\":", "not a valid Order")]
    [InlineData("null", "null")]
    [InlineData("{\"Id\":\"x\",\"Quantity\":\"many\"}", "$.Quantity")]
    public async Task Invoke_WithBadEvent_ReportsReadErrorAndDoesNotCallHandler(string payload, string expected)
    {
        LoadedApp.StaticField(_fixture.App, "Shop.Tools", "LastSeen");
        var invocation = await _host.InvokeAsync("record", payload);

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
        Assert.Contains(expected, invocation.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_StringHandlerGivenANumber_NamesWhatItExpected()
    {
        var invocation = await _host.InvokeAsync("echo", "42");

        Assert.Equal(EventReadException.ErrorType, invocation.ErrorType);
        Assert.Contains("Expected a string but found 42", invocation.ErrorMessage);
    }

    [Fact]
    public async Task Invoke_HandlerPastItsDeadline_IsCancelledAndReportedAsTimeout()
    {
        var invocation = await _host.InvokeAsync("slow", "{}", timeout: TimeSpan.FromMilliseconds(50));

        Assert.True(invocation.TimedOut, $"{invocation.ErrorType}: {invocation.ErrorMessage}");
        Assert.Equal("Sandbox.Timedout", invocation.ErrorType);
    }

    [Fact]
    public void Manifest_IsValidJsonWithOneDescriptorPerFunction()
    {
        using var manifest = JsonDocument.Parse(_fixture.App.ManifestJson.ToArray());

        var functions = manifest.RootElement.GetProperty("functions");
        Assert.Equal(_fixture.App.Functions.Select(f => f.Name), functions.EnumerateArray().Select(f => f.GetProperty("name").GetString()));
        var price = functions.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "price");
        Assert.Equal("EUR", price.GetProperty("environment").GetProperty("CURRENCY").GetString());
        Assert.Equal("POST /price", price.GetProperty("triggers")[0].GetProperty("expression").GetString());
        var statements = price.GetProperty("permissions").GetProperty("execution").GetProperty("Statement").EnumerateArray();
        Assert.Contains(statements, s => s.GetProperty("Action")[0].GetString() == "dynamodb:GetItem");
        Permissions.IamPolicyValidator.AssertManifestValid(manifest.RootElement);
        Assert.Matches("^[0-9a-f]{64}$", price.GetProperty("configSha256").GetString());
    }
}
