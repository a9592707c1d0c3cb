using System.Net;
using System.Text.Json;
using Impulse.Hosting.Tests.App;
using Impulse.Hosting.Tests.Infrastructure;

namespace Impulse.Hosting.Tests.Schedules;

public sealed class ScheduleTests
{
    [Fact]
    public async Task FireEndpoint_FunctionWithSchedule_RunsItWithAScheduledEvent()
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync("/impulse/schedules/ticker/fire", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var id = body.RootElement.GetProperty("id").GetString()!;
        await Eventually.TrueAsync(() => QueueFunctions.Ticks.ContainsKey(id), "the fired event to run");
        var tick = QueueFunctions.Ticks[id];
        Assert.Equal("0", tick.Version);
        Assert.Equal("Scheduled Event", tick.DetailType);
        Assert.Equal("aws.events", tick.Source);
        Assert.Equal("000000000000", tick.Account);
        Assert.Equal("local", tick.Region);
        Assert.Equal(["arn:aws:events:local:000000000000:rule/ticker-schedule"], tick.Resources);
    }

    [Theory]
    [InlineData("greet", HttpStatusCode.NotFound)]
    [InlineData("no-such-function", HttpStatusCode.NotFound)]
    public async Task FireEndpoint_FunctionWithoutSchedule_Answers404(string function, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await host.Client.PostAsync($"/impulse/schedules/{function}/fire", null);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RateOneMinute_ClockReachesTheNextMinute_FiresWithThatTime()
    {
        // A clock that runs at real speed but starts 1.5 s before a minute ends, on a day no other test's clock shows:
        // the rate, anchored at the host's start, fires at the next whole minute.
        var now = DateTimeOffset.UtcNow;
        var target = now.AddDays(-400);
        var secondsLeft = 60 - target.Second - (target.Millisecond / 1000.0);
        var clock = new OffsetTimeProvider(TimeSpan.FromDays(-400) + TimeSpan.FromSeconds(secondsLeft - 1.5));
        var expected = new DateTimeOffset(clock.GetUtcNow().Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(1);

        await using var host = await TestHost.StartAsync(o => o.TimeProvider = clock);

        await Eventually.TrueAsync(() => QueueFunctions.Ticks.Values.Any(t => t.Time == expected), $"the schedule to fire at {expected:O}");
    }

    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
