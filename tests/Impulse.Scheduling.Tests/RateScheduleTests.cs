using System.Globalization;
using CsCheck;

namespace Impulse.Scheduling.Tests;

public sealed class RateScheduleTests
{
    [Theory]
    // Without an anchor a rate counts from the Unix epoch: the clock's five-minute marks.
    [InlineData("rate(5 minutes)", "2024-01-01T10:02:30Z", "2024-01-01T10:05:00Z")]
    [InlineData("rate(5 minutes)", "2024-01-01T10:05:00Z", "2024-01-01T10:10:00Z")]
    [InlineData("rate(1 hour)", "2024-01-01T10:00:00Z", "2024-01-01T11:00:00Z")]
    [InlineData("rate(1 day)", "2024-02-28T00:00:01Z", "2024-02-29T00:00:00Z")]
    // 1970-01-01 was a Thursday, so unanchored weekly rates fire on Thursdays.
    [InlineData("rate(7 days)", "2024-01-01T00:00:00Z", "2024-01-04T00:00:00Z")]
    public void Unanchored_rate_fires_on_multiples_of_its_interval_since_the_epoch(string expression, string after, string expected)
    {
        var next = ScheduleExpression.Parse(expression).NextOccurrence(Time(after));

        Assert.Equal(Time(expected), next);
    }

    [Theory]
    // The anchor is truncated to the minute (10:03:45 counts as 10:03); the first fire is one interval later.
    [InlineData("rate(5 minutes)", "2024-01-01T10:03:45Z", "2024-01-01T10:03:45Z", "2024-01-01T10:08:00Z")]
    [InlineData("rate(5 minutes)", "2024-01-01T10:03:45Z", "2024-01-01T09:00:00Z", "2024-01-01T10:08:00Z")]
    [InlineData("rate(5 minutes)", "2024-01-01T10:03:45Z", "2024-01-01T10:08:00Z", "2024-01-01T10:13:00Z")]
    [InlineData("rate(5 minutes)", "2024-01-01T10:03:45Z", "2024-01-01T10:12:59Z", "2024-01-01T10:13:00Z")]
    [InlineData("rate(1 day)", "2024-01-31T12:00:00Z", "2024-02-28T12:00:00Z", "2024-02-29T12:00:00Z")]
    [InlineData("rate(7 days)", "2024-01-01T06:30:00+02:00", "2024-01-01T04:30:00Z", "2024-01-08T04:30:00Z")]
    public void Anchored_rate_fires_one_interval_after_the_anchor_and_every_interval_after(
        string expression, string anchor, string after, string expected)
    {
        var schedule = ScheduleExpression.Parse(expression, Time(anchor));

        var next = schedule.NextOccurrence(Time(after));

        Assert.Equal(Time(expected), next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void AnchoredAt_returns_a_new_rate_with_the_anchor_in_UTC_to_the_minute()
    {
        var rate = ScheduleExpression.Parse("rate(5 minutes)");

        var anchored = Assert.IsType<RateSchedule>(rate.AnchoredAt(Time("2024-01-01T12:03:45+02:00")));

        Assert.Equal(Time("2024-01-01T10:03:00Z"), anchored.Anchor);
        Assert.Equal(TimeSpan.Zero, anchored.Anchor.Offset);
        Assert.Equal("rate(5 minutes)", anchored.Text);
        Assert.Equal(DateTimeOffset.UnixEpoch, ((RateSchedule)rate).Anchor);
    }

    [Fact]
    public void Rate_too_long_for_DateTimeOffset_never_fires()
    {
        var rate = Assert.IsType<RateSchedule>(ScheduleExpression.Parse("rate(2147483647 days)"));

        Assert.Null(rate.NextOccurrence(DateTimeOffset.UnixEpoch));
        Assert.Equal(TimeSpan.MaxValue, rate.Interval);
    }

    [Fact]
    public void Rate_past_the_end_of_DateTimeOffset_has_no_next_occurrence()
    {
        var rate = ScheduleExpression.Parse("rate(1 day)");

        Assert.Null(rate.NextOccurrence(DateTimeOffset.MaxValue.AddHours(-1)));
    }

    [Fact]
    public void Rate_next_occurrence_is_the_first_multiple_of_the_interval_after_the_anchor_that_is_later_than_after()
    {
        var gen =
            from value in Gen.Int[1, 2000]
            from unit in Gen.OneOf((1, "minute"), (60, "hour"), (1440, "day"))
            from anchor in Gen.Long[0, 3_000_000_000L]
            from after in Gen.Long[0, 3_000_000_000L]
            select (value, unit, anchor, after);

        gen.Sample(c =>
        {
            var text = $"rate({c.value} {c.unit.Item2}{(c.value == 1 ? string.Empty : "s")})";
            var anchor = DateTimeOffset.UnixEpoch.AddSeconds(c.anchor);
            var after = DateTimeOffset.UnixEpoch.AddSeconds(c.after);
            var interval = TimeSpan.FromMinutes((long)c.value * c.unit.Item1);
            var start = Assert.IsType<RateSchedule>(ScheduleExpression.Parse(text, anchor)).Anchor;

            var next = ScheduleExpression.Parse(text, anchor).NextOccurrence(after)!.Value;

            Assert.True(next > after, $"{next} is not after {after}");
            Assert.True(next > start, $"{next} is not after the anchor {start}");
            Assert.Equal(0, (next - start).Ticks % interval.Ticks);
            Assert.True(next - interval <= after || next - interval == start, $"{next - interval} fires earlier and is after {after}");
        }, iter: 2000);
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
