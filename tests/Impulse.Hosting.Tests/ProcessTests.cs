using System.Net;
using System.Text.RegularExpressions;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests;

/// <summary>The host as its own process, started by the generated <c>Main</c> and stopped by real signals.</summary>
public sealed partial class ProcessTests(ServedApp app) : IClassFixture<ServedApp>
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigInt)]
    public async Task Process_SignalDuringInvocation_InvocationCompletesAndExitCodeIs0(int signal)
    {
        using var running = app.Run("serve", "--port", "0", "--queue-db", Path.Combine(app.Folder, $"queues-{signal}.db"));
        var address = await AddressAsync(running);
        using var client = new HttpClient { BaseAddress = address };
        var call = client.GetAsync("/slow");
        await running.WaitForLineAsync("slow started", Patience);

        running.Signal(signal);
        using var response = await call;
        var exitCode = await running.WaitForExitAsync(Patience);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("done", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, exitCode);
        Assert.Contains("Stopping", running.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_ServeOnPortZero_PrintsAddressAndRoutesAndStopsOnSigterm()
    {
        using var running = app.Run("serve", "--port", "0", "--queue-db", Path.Combine(app.Folder, "queues-banner.db"));

        await AddressAsync(running);
        await running.WaitForLineAsync("GET     /slow", Patience);
        running.Signal(SigTerm);

        Assert.Equal(0, await running.WaitForExitAsync(Patience));
    }

    private static async Task<Uri> AddressAsync(RunningApp running)
    {
        var line = await running.WaitForLineAsync("listening on", Patience);
        return new Uri(AddressPattern().Match(line).Value);
    }

    [GeneratedRegex(@"http://[^\s]+")]
    private static partial Regex AddressPattern();
}
