namespace Impulse.Scheduling.Tests;

public sealed class ParseRejectTests
{
    [Theory]
    // The outer form.
    [InlineData("", "the schedule expression is empty; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    [InlineData("0 10 * * ? *", "'0 10 * * ? *' is not a schedule expression; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    [InlineData("cron(0 10 * * ? *", "'cron(0 10 * * ? *' is not a schedule expression; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    [InlineData(" cron(0 10 * * ? *)", "' cron(0 10 * * ? *)' is not a schedule expression; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    [InlineData("CRON(0 10 * * ? *)", "'CRON(0 10 * * ? *)' is not a schedule expression; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    [InlineData("at(2024-01-01T00:00:00)", "'at(2024-01-01T00:00:00)' is not a schedule expression; expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'")]
    // Rates.
    [InlineData("rate(1 minutes)", "rate: a value of 1 takes the singular unit: write 'rate(1 minute)', not 'rate(1 minutes)'")]
    [InlineData("rate(1 hours)", "rate: a value of 1 takes the singular unit: write 'rate(1 hour)', not 'rate(1 hours)'")]
    [InlineData("rate(1 days)", "rate: a value of 1 takes the singular unit: write 'rate(1 day)', not 'rate(1 days)'")]
    [InlineData("rate(5 hour)", "rate: a value above 1 takes the plural unit: write 'rate(5 hours)', not 'rate(5 hour)'")]
    [InlineData("rate(5 minute)", "rate: a value above 1 takes the plural unit: write 'rate(5 minutes)', not 'rate(5 minute)'")]
    [InlineData("rate(0 minutes)", "rate: value must be a positive integer, not 0")]
    [InlineData("rate(00 minutes)", "rate: value must be a positive integer, not 0")]
    [InlineData("rate(-5 minutes)", "rate: value '-5' is not a positive integer")]
    [InlineData("rate(+5 minutes)", "rate: value '+5' is not a positive integer")]
    [InlineData("rate(1.5 hours)", "rate: value '1.5' is not a positive integer")]
    [InlineData("rate(five minutes)", "rate: value 'five' is not a positive integer")]
    [InlineData("rate(2147483648 minutes)", "rate: value '2147483648' is too large")]
    [InlineData("rate(5 weeks)", "rate: unknown unit 'weeks'; expected minute, minutes, hour, hours, day or days")]
    [InlineData("rate(5 Minutes)", "rate: unknown unit 'Minutes'; expected minute, minutes, hour, hours, day or days")]
    [InlineData("rate(30 seconds)", "rate: unknown unit 'seconds'; expected minute, minutes, hour, hours, day or days")]
    [InlineData("rate(5)", "rate: expected a value and a unit, as in 'rate(5 minutes)', but found '5'")]
    [InlineData("rate()", "rate: expected a value and a unit, as in 'rate(5 minutes)', but found ''")]
    [InlineData("rate(5 minutes 2)", "rate: expected a value and a unit, as in 'rate(5 minutes)', but found '5 minutes 2'")]
    // Field count: AWS requires six, the year included.
    [InlineData("cron(0 10 * * ?)", "cron: expected 6 fields (minutes hours day-of-month month day-of-week year) but found 5; unlike Unix cron, AWS requires the year: add '*' at the end")]
    [InlineData("cron(0 0 10 * * ? *)", "cron: expected 6 fields (minutes hours day-of-month month day-of-week year) but found 7")]
    [InlineData("cron()", "cron: expected 6 fields (minutes hours day-of-month month day-of-week year) but found 0")]
    // The two day fields: exactly one is '?'.
    [InlineData("cron(0 10 * * * *)", "day-of-month and day-of-week: both are set, which AWS does not allow; put '?' in one of them (for example cron(0 10 * * ? *) or cron(0 18 ? * MON-FRI *))")]
    [InlineData("cron(0 10 1 * MON *)", "day-of-month and day-of-week: both are set, which AWS does not allow; put '?' in one of them (for example cron(0 10 * * ? *) or cron(0 18 ? * MON-FRI *))")]
    [InlineData("cron(0 10 ? * ? *)", "day-of-month and day-of-week: both are '?'; exactly one of them must be '?' (for example cron(0 10 * * ? *))")]
    // Ranges of each field.
    [InlineData("cron(60 10 * * ? *)", "minutes: '60' is out of range 0-59")]
    [InlineData("cron(0 24 * * ? *)", "hours: '24' is out of range 0-23")]
    [InlineData("cron(0 0 0 * ? *)", "day-of-month: '0' is out of range 1-31")]
    [InlineData("cron(0 0 32 * ? *)", "day-of-month: '32' is out of range 1-31")]
    [InlineData("cron(0 0 1 0 ? *)", "month: '0' is out of range 1-12")]
    [InlineData("cron(0 0 1 13 ? *)", "month: '13' is out of range 1-12")]
    [InlineData("cron(0 0 ? * 8 *)", "day-of-week: '8' is out of range 1-7")]
    [InlineData("cron(0 0 ? * 0 *)", "day-of-week: '0' is out of range 1-7")]
    [InlineData("cron(0 0 1 * ? 1969)", "year: '1969' is out of range 1970-2199")]
    [InlineData("cron(0 0 1 * ? 2200)", "year: '2200' is out of range 1970-2199")]
    [InlineData("cron(0 0 1 * ? 99999999999)", "year: '99999999999' is out of range 1970-2199")]
    [InlineData("cron(0 0 1 * ? 2030-2020)", "year: range '2030-2020' runs backwards")]
    [InlineData("cron(0 0 1 JANUARY ? *)", "month: 'JANUARY' is not a number or a name; use 1-12 or JAN-DEC")]
    [InlineData("cron(0 0 ? * MONDAY *)", "day-of-week: 'MONDAY' is not a number or a name; use 1-7 or SUN-SAT")]
    [InlineData("cron(x 0 1 * ? *)", "minutes: 'x' is not a number")]
    // Steps.
    [InlineData("cron(0/0 * * * ? *)", "minutes: step '0' in '0/0' is out of range 1-59")]
    [InlineData("cron(0/60 * * * ? *)", "minutes: step '60' in '0/60' is out of range 1-59")]
    [InlineData("cron(0 */24 * * ? *)", "hours: step '24' in '*/24' is out of range 1-23")]
    [InlineData("cron(0/ * * * ? *)", "minutes: step '' in '0/' is out of range 1-59")]
    [InlineData("cron(0/5/5 * * * ? *)", "minutes: step '5/5' in '0/5/5' is out of range 1-59")]
    [InlineData("cron(/5 * * * ? *)", "minutes: '/5' is missing a value")]
    // Lists and ranges.
    [InlineData("cron(0 0 1,,2 * ? *)", "day-of-month: '1,,2' has an empty item in its list")]
    [InlineData("cron(0,0, 0 1 * ? *)", "minutes: '0,0,' has an empty item in its list")]
    [InlineData("cron(0 0 1- * ? *)", "day-of-month: '1-' is missing a value")]
    [InlineData("cron(0 0 1-2-3 * ? *)", "day-of-month: '2-3' is not a number")]
    // Wildcards a field does not take.
    [InlineData("cron(? 0 * * ? *)", "minutes: '?' is not allowed; minutes takes 0-59 and the wildcards , - * /")]
    [InlineData("cron(0 0 1 ? ? *)", "month: '?' is not allowed; month takes 1-12 or JAN-DEC and the wildcards , - * /")]
    [InlineData("cron(0 0 1 * ? ?)", "year: '?' is not allowed; year takes 1970-2199 and the wildcards , - * /")]
    [InlineData("cron(0 0 ? * 1/2 *)", "day-of-week: '/' is not allowed; day-of-week takes 1-7 or SUN-SAT and the wildcards , - * ? L #")]
    [InlineData("cron(0 0 ? * MON-FRI/2 *)", "day-of-week: '/' is not allowed; day-of-week takes 1-7 or SUN-SAT and the wildcards , - * ? L #")]
    [InlineData("cron(0 0 1#2 * ? *)", "day-of-month: '#' is not allowed; day-of-month takes 1-31 and the wildcards , - * ? / L W")]
    [InlineData("cron(0 0 1.5 * ? *)", "day-of-month: '.' is not allowed; day-of-month takes 1-31 and the wildcards , - * ? / L W")]
    [InlineData("cron(0 L * * ? *)", "hours: 'L' is not a number")]
    [InlineData("cron(0 0 1 L ? *)", "month: 'L' is not a number or a name; use 1-12 or JAN-DEC")]
    [InlineData("cron(0 0 ? * 2W *)", "day-of-week: '2W' is not a number or a name; use 1-7 or SUN-SAT")]
    [InlineData("cron(0 0 ?,1 * ? *)", "day-of-month: '?' must stand alone, not in '?,1'")]
    // L and W in day-of-month: 'L', 'LW' or one day with W, alone.
    [InlineData("cron(0 0 L-3 * ? *)", "day-of-month: 'L-3' is not a form of L or W that AWS accepts: use 'L' (the last day), 'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field")]
    [InlineData("cron(0 0 L,15 * ? *)", "day-of-month: 'L,15' is not a form of L or W that AWS accepts: use 'L' (the last day), 'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field")]
    [InlineData("cron(0 0 1-15W * ? *)", "day-of-month: '1-15W' is not a form of L or W that AWS accepts: use 'L' (the last day), 'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field")]
    [InlineData("cron(0 0 W * ? *)", "day-of-month: 'W' is not a form of L or W that AWS accepts: use 'L' (the last day), 'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field")]
    [InlineData("cron(0 0 WL * ? *)", "day-of-month: 'WL' is not a form of L or W that AWS accepts: use 'L' (the last day), 'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field")]
    [InlineData("cron(0 0 32W * ? *)", "day-of-month: '32' is out of range 1-31")]
    [InlineData("cron(0 0 0W * ? *)", "day-of-month: '0' is out of range 1-31")]
    // L and # in day-of-week.
    [InlineData("cron(0 0 ? * 6L,2 *)", "day-of-week: '6L,2' is not a form of L that AWS accepts: use 'L' alone (Saturday, the last day of the week) or one weekday and L ('6L', the last Friday of the month), alone in the field")]
    [InlineData("cron(0 0 ? * 2-6L *)", "day-of-week: '2-6L' is not a form of L that AWS accepts: use 'L' alone (Saturday, the last day of the week) or one weekday and L ('6L', the last Friday of the month), alone in the field")]
    [InlineData("cron(0 0 ? * L5 *)", "day-of-week: 'L5' is not a form of L that AWS accepts: use 'L' alone (Saturday, the last day of the week) or one weekday and L ('6L', the last Friday of the month), alone in the field")]
    [InlineData("cron(0 0 ? * 8L *)", "day-of-week: '8' is out of range 1-7")]
    [InlineData("cron(0 0 ? * 3#1,6#3 *)", "day-of-week: '3#1,6#3' has a list with '#'; AWS allows only one expression in the field when '#' is used")]
    [InlineData("cron(0 0 ? * 3#6 *)", "day-of-week: '#6' in '3#6' is out of range 1-5; a month has at most five of a weekday")]
    [InlineData("cron(0 0 ? * 3#0 *)", "day-of-week: '#0' in '3#0' is out of range 1-5; a month has at most five of a weekday")]
    [InlineData("cron(0 0 ? * 8#1 *)", "day-of-week: '8' is out of range 1-7")]
    [InlineData("cron(0 0 ? * 3# *)", "day-of-week: '3#' is not weekday#n, as in '3#2' (the second Tuesday of the month)")]
    [InlineData("cron(0 0 ? * 3#1#2 *)", "day-of-week: '3#1#2' is not weekday#n, as in '3#2' (the second Tuesday of the month)")]
    public void Invalid_expression_is_rejected_with_a_message_naming_the_fault(string expression, string expected)
    {
        var ok = ScheduleExpression.TryParse(expression, out var schedule, out var error);

        Assert.False(ok);
        Assert.Null(schedule);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Null_is_rejected_as_empty()
    {
        Assert.False(ScheduleExpression.TryParse(null, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.StartsWith("the schedule expression is empty", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Expression_longer_than_AWS_limit_is_rejected()
    {
        // PutRule caps ScheduleExpression at 256 characters; pad the minutes list with valid values.
        var minutes = string.Join(",", Enumerable.Repeat("0", 130));
        var expression = $"cron({minutes} 10 * * ? *)";

        Assert.False(ScheduleExpression.TryParse(expression, out _, out var error));
        Assert.Equal($"the schedule expression is {expression.Length} characters long; AWS allows at most 256", error);
    }
}
