namespace Impulse.Scheduling.Tests;

public sealed class ParseAcceptTests
{
    [Theory]
    // AWS's own examples, from the EventBridge cron reference and the put-rule examples.
    [InlineData("cron(0 10 * * ? *)")]
    [InlineData("cron(15 12 * * ? *)")]
    [InlineData("cron(0 18 ? * MON-FRI *)")]
    [InlineData("cron(0 8 1 * ? *)")]
    [InlineData("cron(0/15 * * * ? *)")]
    [InlineData("cron(0/10 * ? * MON-FRI *)")]
    [InlineData("cron(0/5 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0/30 20-2 ? * MON-FRI *)")]
    [InlineData("cron(0 9 ? * 2#1 *)")]
    [InlineData("cron(0 12 * * ? *)")]
    [InlineData("cron(5,35 14 * * ? *)")]
    [InlineData("cron(15 10 ? * 6L 2019-2022)")]
    [InlineData("cron(1/10 * * * ? *)")]
    [InlineData("cron(0 10 7 * ? *)")]
    [InlineData("cron(0 0 3W * ? *)")]
    [InlineData("cron(0 0 ? * 3#2 *)")]
    [InlineData("cron(0 0 1 JAN,FEB,MAR ? *)")]
    [InlineData("cron(0 0 1-15 * ? *)")]
    // Every wildcard in every field that allows it.
    [InlineData("cron(* * * * ? *)")]
    [InlineData("cron(0 0 ? * * *)")]
    [InlineData("cron(0,30 0-6,12 * * ? *)")]
    [InlineData("cron(*/7 */2 */5 */3 ? */4)")]
    [InlineData("cron(5-50/5 1-22/3 2-30/7 2-11/2 ? 2020-2030/2)")]
    [InlineData("cron(50-10 22-2 25-5 NOV-FEB ? *)")]
    [InlineData("cron(0 0 L * ? *)")]
    [InlineData("cron(0 0 LW * ? *)")]
    [InlineData("cron(0 0 1W * ? *)")]
    [InlineData("cron(0 0 31W * ? *)")]
    [InlineData("cron(0 0 ? * L *)")]
    [InlineData("cron(0 0 ? * 7L *)")]
    [InlineData("cron(0 0 ? * FRIL *)")]
    [InlineData("cron(0 0 ? * FRI#5 *)")]
    [InlineData("cron(0 0 ? * 1#1 *)")]
    [InlineData("cron(0 0 ? * SUN,SAT *)")]
    [InlineData("cron(0 0 ? * FRI-MON *)")]
    [InlineData("cron(0 0 ? * 1-7 *)")]
    [InlineData("cron(0 0 ? * mon-fri *)")]
    [InlineData("cron(0 0 1 jan ? *)")]
    [InlineData("cron(0 0 lw * ? *)")]
    [InlineData("cron(0 0 1 1 ? 1970)")]
    [InlineData("cron(59 23 31 12 ? 2199)")]
    [InlineData("cron(0 0 1 1 ? 1970-2199)")]
    [InlineData("cron(0 0 30 2 ? *)")]
    [InlineData("cron(00 05 01 01 ? 2024)")]
    // "Separated by white space": runs of spaces and tabs are one separator.
    [InlineData("cron(0  10\t* *   ? *)")]
    [InlineData("cron( 0 10 * * ? * )")]
    // Rates, singular for 1 and plural above.
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(1 hour)")]
    [InlineData("rate(2 hours)")]
    [InlineData("rate(1 day)")]
    [InlineData("rate(7 days)")]
    [InlineData("rate(2147483647 days)")]
    [InlineData("rate(  10   minutes )")]
    public void Valid_expression_parses(string expression)
    {
        var ok = ScheduleExpression.TryParse(expression, out var schedule, out var error);

        Assert.True(ok, error);
        Assert.Equal(string.Empty, error);
        Assert.Equal(expression, schedule!.Text);
        Assert.Equal(expression, schedule.ToString());
        Assert.IsType(expression.StartsWith("cron", StringComparison.Ordinal) ? typeof(CronSchedule) : typeof(RateSchedule), schedule);
    }

    [Theory]
    [InlineData("rate(1 minute)", 1, 1)]
    [InlineData("rate(5 minutes)", 5, 5)]
    [InlineData("rate(1 hour)", 1, 60)]
    [InlineData("rate(3 hours)", 3, 180)]
    [InlineData("rate(1 day)", 1, 1440)]
    [InlineData("rate(7 days)", 7, 10080)]
    public void Rate_has_its_value_and_interval(string expression, int value, int minutes)
    {
        var rate = Assert.IsType<RateSchedule>(ScheduleExpression.Parse(expression));

        Assert.Equal(value, rate.Value);
        Assert.Equal(TimeSpan.FromMinutes(minutes), rate.Interval);
        Assert.Equal(DateTimeOffset.UnixEpoch, rate.Anchor);
    }

    [Fact]
    public void Parse_of_null_throws_ArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => ScheduleExpression.Parse(null!));

    [Fact]
    public void Parse_of_invalid_expression_throws_FormatException_with_the_error()
    {
        var e = Assert.Throws<FormatException>(() => ScheduleExpression.Parse("cron(0 0 ? * 8 *)"));

        Assert.Equal("day-of-week: '8' is out of range 1-7", e.Message);
    }
}
