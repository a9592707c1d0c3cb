using CsCheck;
using Impulse.Scheduling.Tests.Reference;

namespace Impulse.Scheduling.Tests;

public sealed class NextOccurrencePropertyTests
{
    // The brute force tries every minute of this window; the field-wise search must agree inside it.
    private static readonly TimeSpan Window = TimeSpan.FromDays(366);

    [Fact]
    public void Next_occurrence_agrees_with_a_minute_by_minute_search_over_random_expressions_and_start_times()
    {
        var gen =
            from after in CronGen.Start
            from cron in CronGen.Case(after.UtcDateTime.Year)
            select (cron, after);

        gen.Sample((cron, after) =>
        {
            var schedule = ScheduleExpression.Parse(cron.Expression);
            var windowEnd = after.UtcDateTime + Window;

            var actual = schedule.NextOccurrence(after);
            var expected = cron.BruteForceNext(after, windowEnd);

            if (expected is { } e)
            {
                Assert.Equal(new DateTimeOffset(e, TimeSpan.Zero), actual);
            }
            else if (actual is { } a)
            {
                // Nothing inside the window: a later answer must still be a minute the expression selects.
                Assert.True(a.UtcDateTime > windowEnd, $"{cron} after {after:o}: {a:o} was missed by the brute force");
                Assert.True(cron.Matches(a.UtcDateTime), $"{cron} does not select {a:o}");
            }
        }, iter: 400, print: c => $"{c.Item1} after {c.Item2:o}");
    }

    [Fact]
    public void Consecutive_occurrences_have_no_selected_minute_between_them()
    {
        // Walks a few steps of each schedule and checks every gap minute by minute.
        var gen =
            from after in CronGen.Start
            from cron in CronGen.Case(after.UtcDateTime.Year)
            select (cron, after);

        gen.Sample((cron, after) =>
        {
            var schedule = ScheduleExpression.Parse(cron.Expression);
            var from = after;
            foreach (var next in schedule.Occurrences(after).Take(5))
            {
                Assert.True(cron.Matches(next.UtcDateTime), $"{cron} does not select {next:o}");
                if (next - from > Window)
                {
                    break;
                }

                Assert.Equal(next.UtcDateTime, cron.BruteForceNext(from, next.UtcDateTime));
                from = next;
            }
        }, iter: 150, print: c => $"{c.Item1} after {c.Item2:o}");
    }
}
