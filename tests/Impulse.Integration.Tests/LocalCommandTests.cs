using System.Diagnostics;
using System.Text.Json;
using Impulse.Integration.Infrastructure;

namespace Impulse.Integration.Tests;

/// <summary>Without the Lambda environment the same binary is a command-line tool.</summary>
[Collection(PublishedSampleCollection.Name)]
public sealed class LocalCommandTests(PublishedSample sample)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Describe_WithoutAwsEnvironment_PrintsManifestOfTheFiveFunctions()
    {
        var result = await RunAsync("describe");

        Assert.True(result.ExitCode == 0, $"describe exited with {result.ExitCode}: {result.Output}");
        using var manifest = JsonDocument.Parse(result.StandardOutput);
        var names = manifest.RootElement.GetProperty("functions").EnumerateArray()
            .Select(f => f.GetProperty("name").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(["create-order", "get-order", "nightly-report", "ping", "ship-order"], names);
    }

    [Fact]
    public async Task InvokePing_WithEventFile_PrintsPong()
    {
        var eventFile = Path.Combine(sample.WorkDirectory, "ping-event.json");
        await File.WriteAllTextAsync(eventFile, "\"integration\"");

        var result = await RunAsync("invoke", "ping", "--event", eventFile);

        Assert.True(result.ExitCode == 0, $"invoke exited with {result.ExitCode}: {result.Output}");
        Assert.Equal("\"pong: integration\"", result.StandardOutput.Trim());
    }

    [Fact]
    public async Task InvokeCreateOrder_WithTheSampleEvent_PrintsTheAcceptedOrder()
    {
        var eventFile = Path.Combine(sample.RepositoryDirectory, "samples", "OrderService", "events", "create-order.json");

        var result = await RunAsync("invoke", "create-order", "--event", eventFile);

        Assert.True(result.ExitCode == 0, $"invoke exited with {result.ExitCode}: {result.Output}");
        using var accepted = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal("cust-42", accepted.RootElement.GetProperty("customerId").GetString());
        Assert.Equal(28m, accepted.RootElement.GetProperty("total").GetDecimal());
    }

    private Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(sample.Binary);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A developer's machine or a CI job might export these; the commands are what runs without them.
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        start.Environment.Remove("_HANDLER");
        return ChildProcess.RunAsync(start, Timeout);
    }
}
