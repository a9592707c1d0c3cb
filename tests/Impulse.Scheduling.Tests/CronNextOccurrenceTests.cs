using System.Diagnostics;
using System.Globalization;

namespace Impulse.Scheduling.Tests;

public sealed class CronNextOccurrenceTests
{
    [Theory]
    // AWS's examples.
    [InlineData("cron(0 10 * * ? *)", "2024-01-01T10:00:00Z", "2024-01-02T10:00:00Z")]
    [InlineData("cron(0 10 * * ? *)", "2024-01-01T09:59:30Z", "2024-01-01T10:00:00Z")]
    [InlineData("cron(15 12 * * ? *)", "2024-12-31T12:15:00Z", "2025-01-01T12:15:00Z")]
    [InlineData("cron(0 18 ? * MON-FRI *)", "2024-01-05T18:00:00Z", "2024-01-08T18:00:00Z")]
    [InlineData("cron(0 8 1 * ? *)", "2024-01-31T23:59:00Z", "2024-02-01T08:00:00Z")]
    [InlineData("cron(0/15 * * * ? *)", "2024-01-01T10:46:00Z", "2024-01-01T11:00:00Z")]
    [InlineData("cron(0/10 * ? * MON-FRI *)", "2024-01-05T23:55:00Z", "2024-01-08T00:00:00Z")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)", "2024-01-05T17:55:00Z", "2024-01-08T08:00:00Z")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)", "2024-01-08T07:59:59Z", "2024-01-08T08:00:00Z")]
    [InlineData("cron(1/10 * * * ? *)", "2024-01-01T00:01:00Z", "2024-01-01T00:11:00Z")]
    [InlineData("cron(5,35 14 * * ? *)", "2024-01-01T14:05:00Z", "2024-01-01T14:35:00Z")]
    [InlineData("cron(0 9 ? * 2#1 *)", "2024-01-01T09:00:00Z", "2024-02-05T09:00:00Z")]
    // 20-2 wraps past midnight, and each day is judged on its own: Saturday 00:00 is not a weekday.
    [InlineData("cron(0/30 20-2 ? * MON-FRI *)", "2024-01-05T23:30:00Z", "2024-01-08T00:00:00Z")]
    [InlineData("cron(0/30 20-2 ? * MON-FRI *)", "2024-01-08T02:30:00Z", "2024-01-08T20:00:00Z")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)", "2019-01-01T00:00:00Z", "2019-01-25T10:15:00Z")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)", "2022-11-30T00:00:00Z", "2022-12-30T10:15:00Z")]
    // L: the last day, in leap and common years (2000 is leap, 2100 is not).
    [InlineData("cron(0 0 L * ? *)", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2023-02-01T00:00:00Z", "2023-02-28T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2000-02-01T00:00:00Z", "2000-02-29T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2100-02-01T00:00:00Z", "2100-02-28T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2024-04-30T00:00:00Z", "2024-05-31T00:00:00Z")]
    [InlineData("cron(0 0 L * ? *)", "2024-12-31T00:00:00Z", "2025-01-31T00:00:00Z")]
    // Day 29 of February only in leap years; 2100 is skipped.
    [InlineData("cron(0 0 29 2 ? *)", "2024-02-29T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("cron(0 0 29 FEB ? *)", "2096-03-01T00:00:00Z", "2104-02-29T00:00:00Z")]
    // Day 31 skips the months without it.
    [InlineData("cron(0 0 31 * ? *)", "2024-03-31T00:00:00Z", "2024-05-31T00:00:00Z")]
    // LW: the last weekday (Aug 31 2024 is a Saturday, Mar 31 2024 a Sunday, Feb 29 2024 a Thursday).
    [InlineData("cron(0 0 LW * ? *)", "2024-08-01T00:00:00Z", "2024-08-30T00:00:00Z")]
    [InlineData("cron(0 0 LW * ? *)", "2024-03-01T00:00:00Z", "2024-03-29T00:00:00Z")]
    [InlineData("cron(0 0 LW * ? *)", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    // W never crosses a month edge: Saturday the 1st moves forward to Monday the 3rd, Sunday the 31st back
    // to Friday the 29th.
    [InlineData("cron(0 0 1W * ? *)", "2024-05-31T00:00:00Z", "2024-06-03T00:00:00Z")]
    [InlineData("cron(0 0 1W * ? *)", "2024-08-31T00:00:00Z", "2024-09-02T00:00:00Z")]
    [InlineData("cron(0 0 31W * ? *)", "2024-03-01T00:00:00Z", "2024-03-29T00:00:00Z")]
    [InlineData("cron(0 0 30W * ? *)", "2025-11-01T00:00:00Z", "2025-11-28T00:00:00Z")]
    [InlineData("cron(0 0 28W * ? *)", "2026-02-01T00:00:00Z", "2026-02-27T00:00:00Z")]
    [InlineData("cron(0 0 15W * ? *)", "2024-06-01T00:00:00Z", "2024-06-14T00:00:00Z")]
    [InlineData("cron(0 0 15W * ? *)", "2024-09-01T00:00:00Z", "2024-09-16T00:00:00Z")]
    [InlineData("cron(0 0 15W * ? *)", "2024-01-01T00:00:00Z", "2024-01-15T00:00:00Z")]
    // A month without the day has no weekday nearest to it: 31W skips April.
    [InlineData("cron(0 0 31W * ? *)", "2024-04-01T00:00:00Z", "2024-05-31T00:00:00Z")]
    // '#': months with only four Fridays are skipped (2024: March, May, August, November have five).
    [InlineData("cron(0 0 ? * 6#5 *)", "2024-01-01T00:00:00Z", "2024-03-29T00:00:00Z")]
    [InlineData("cron(0 0 ? * FRI#5 *)", "2024-03-29T00:00:00Z", "2024-05-31T00:00:00Z")]
    [InlineData("cron(0 0 ? * 3#2 *)", "2024-01-01T00:00:00Z", "2024-01-09T00:00:00Z")]
    [InlineData("cron(0 0 ? * 1#1 *)", "2024-09-01T00:00:00Z", "2024-10-06T00:00:00Z")]
    // 'wL': the last such weekday; 'L' alone: every Saturday.
    [InlineData("cron(0 0 ? * 6L *)", "2024-01-01T00:00:00Z", "2024-01-26T00:00:00Z")]
    [InlineData("cron(0 0 ? * 5L *)", "2024-02-01T00:00:00Z", "2024-02-29T00:00:00Z")]
    [InlineData("cron(0 0 ? * L *)", "2024-01-01T00:00:00Z", "2024-01-06T00:00:00Z")]
    [InlineData("cron(0 0 ? * L *)", "2024-01-06T00:00:00Z", "2024-01-13T00:00:00Z")]
    // Weekday ranges that wrap: Friday to Monday.
    [InlineData("cron(0 12 ? * FRI-MON *)", "2024-01-02T00:00:00Z", "2024-01-05T12:00:00Z")]
    [InlineData("cron(0 12 ? * FRI-MON *)", "2024-01-08T12:00:00Z", "2024-01-12T12:00:00Z")]
    // Steps and wrapping minute ranges.
    [InlineData("cron(5/20 * * * ? *)", "2024-01-01T00:45:00Z", "2024-01-01T01:05:00Z")]
    [InlineData("cron(50-10/5 * * * ? *)", "2024-01-01T00:10:00Z", "2024-01-01T00:50:00Z")]
    [InlineData("cron(50-10/5 * * * ? *)", "2024-01-01T00:55:00Z", "2024-01-01T01:00:00Z")]
    [InlineData("cron(0 0 1 */4 ? *)", "2024-01-01T00:00:00Z", "2024-05-01T00:00:00Z")]
    [InlineData("cron(0 0 1 NOV-FEB ? *)", "2024-02-01T00:00:00Z", "2024-11-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2020/4)", "2020-01-01T00:00:00Z", "2024-01-01T00:00:00Z")]
    // Year bounds: before 1970 the first fire is in 1970; the last possible minute is 2199-12-31T23:59.
    [InlineData("cron(0 0 1 1 ? *)", "1900-06-01T00:00:00Z", "1970-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? 2020)", "2019-06-01T00:00:00Z", "2020-01-01T00:00:00Z")]
    [InlineData("cron(59 23 31 12 ? 2199)", "2199-12-31T23:58:00Z", "2199-12-31T23:59:00Z")]
    [InlineData("cron(* * * * ? *)", "2199-12-31T23:58:59.999Z", "2199-12-31T23:59:00Z")]
    // Offsets are converted to UTC: 11:30+02:00 is 09:30Z.
    [InlineData("cron(0 10 * * ? *)", "2024-01-01T11:30:00+02:00", "2024-01-01T10:00:00Z")]
    [InlineData("cron(0 10 * * ? *)", "2024-01-01T05:30:00-05:00", "2024-01-02T10:00:00Z")]
    public void Next_occurrence_is_the_known_answer(string expression, string after, string expected)
    {
        var schedule = ScheduleExpression.Parse(expression);

        var next = schedule.NextOccurrence(Time(after));

        Assert.NotNull(next);
        Assert.Equal(Time(expected), next.Value);
        Assert.Equal(TimeSpan.Zero, next.Value.Offset);
    }

    [Theory]
    [InlineData("cron(0 0 1 1 ? 2020)", "2020-01-01T00:00:00Z")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)", "2022-12-30T10:15:00Z")]
    [InlineData("cron(59 23 31 12 ? 2199)", "2199-12-31T23:59:00Z")]
    [InlineData("cron(* * * * ? *)", "2199-12-31T23:59:00Z")]
    [InlineData("cron(0 0 1 1 ? *)", "2199-01-01T00:00:00Z")]
    [InlineData("cron(0 0 1 1 ? *)", "9999-12-31T23:59:59Z")]
    // Dates that never exist: February 30, day 31 of the 30-day months.
    [InlineData("cron(0 0 30 2 ? *)", "1970-01-01T00:00:00Z")]
    [InlineData("cron(0 0 31 APR,JUN,SEP,NOV ? *)", "1970-01-01T00:00:00Z")]
    // February 29 of a year that is not leap.
    [InlineData("cron(0 0 29 2 ? 2101-2103)", "1970-01-01T00:00:00Z")]
    // A fifth Monday in February 2027 (28 days, starting on a Monday, has four).
    [InlineData("cron(0 0 ? FEB MON#5 2027)", "2026-01-01T00:00:00Z")]
    public void Next_occurrence_is_null_when_the_schedule_has_no_fire_time_left(string expression, string after)
    {
        Assert.Null(ScheduleExpression.Parse(expression).NextOccurrence(Time(after)));
    }

    [Fact]
    public void Occurrences_lists_every_fire_time_in_order_until_the_years_run_out()
    {
        var schedule = ScheduleExpression.Parse("cron(0 0 29 FEB ? 2190-2199)");

        var all = schedule.Occurrences(DateTimeOffset.UnixEpoch).ToList();

        Assert.Equal(
            [Time("2192-02-29T00:00:00Z"), Time("2196-02-29T00:00:00Z")],
            all);
    }

    [Fact]
    public void Occurrences_of_the_AWS_weekday_example_are_every_five_minutes_in_office_hours()
    {
        var schedule = ScheduleExpression.Parse("cron(0/5 8-17 ? * MON-FRI *)");

        // Friday 2024-01-05 17:50Z: two more that day, then Monday morning.
        var next = schedule.Occurrences(Time("2024-01-05T17:50:00Z")).Take(3).ToList();

        Assert.Equal(
            [Time("2024-01-05T17:55:00Z"), Time("2024-01-08T08:00:00Z"), Time("2024-01-08T08:05:00Z")],
            next);
    }

    [Fact]
    public void Search_for_a_date_that_never_exists_is_fast()
    {
        // A minute-by-minute search would try 120 million minutes; the field-wise search tries 2,760 months.
        var schedule = ScheduleExpression.Parse("cron(0 0 30 2 ? *)");
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < 100; i++)
        {
            Assert.Null(schedule.NextOccurrence(DateTimeOffset.MinValue));
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"100 searches took {clock.Elapsed}");
    }

    [Fact]
    public void Cron_schedule_ignores_an_anchor()
    {
        var schedule = ScheduleExpression.Parse("cron(0 10 * * ? *)");

        Assert.Same(schedule, schedule.AnchoredAt(Time("2024-01-01T09:17:00Z")));
    }

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
