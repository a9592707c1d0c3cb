using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Impulse.Scheduling;

/// <summary>
/// An EventBridge schedule expression, <c>rate(value unit)</c> or <c>cron(minutes hours day-of-month month
/// day-of-week year)</c>, validated as AWS validates it and evaluated in UTC, as EventBridge rules are.
/// </summary>
public abstract class ScheduleExpression
{
    private protected ScheduleExpression(string text) => Text = text;

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>Parses a schedule expression.</summary>
    /// <param name="expression">For example <c>"cron(0 3 * * ? *)"</c> or <c>"rate(5 minutes)"</c>.</param>
    /// <returns>A <see cref="CronSchedule"/> or a <see cref="RateSchedule"/> anchored at the Unix epoch.</returns>
    /// <exception cref="FormatException">The expression is not valid; the message names the field and the fault.</exception>
    public static ScheduleExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return TryParse(expression, out var schedule, out var error) ? schedule : throw new FormatException(error);
    }

    /// <summary>Parses a schedule expression and anchors a rate at <paramref name="rateAnchor"/>.</summary>
    /// <param name="expression">For example <c>"rate(5 minutes)"</c>.</param>
    /// <param name="rateAnchor">Where a rate starts counting, as AWS counts from the rule's creation; cron ignores it.</param>
    /// <exception cref="FormatException">The expression is not valid.</exception>
    public static ScheduleExpression Parse(string expression, DateTimeOffset rateAnchor) =>
        Parse(expression).AnchoredAt(rateAnchor);

    /// <summary>Parses a schedule expression without throwing.</summary>
    /// <param name="expression">The expression; null is reported as an error.</param>
    /// <param name="schedule">The parsed schedule, or null when the expression is not valid.</param>
    /// <param name="error">Empty on success; otherwise what is wrong, such as "day-of-week: '8' is out of range 1-7".</param>
    public static bool TryParse(
        [NotNullWhen(true)] string? expression,
        [NotNullWhen(true)] out ScheduleExpression? schedule,
        out string error)
    {
        schedule = null;
        if (!ScheduleParser.TryParse(expression, out var spec, out error))
        {
            return false;
        }

        schedule = spec switch
        {
            CronSpec cron => new CronSchedule(expression!, cron),
            RateSpec rate => new RateSchedule(expression!, rate, DateTimeOffset.UnixEpoch),
            _ => throw new InvalidOperationException("The parser returned an unknown kind of schedule."),
        };
        return true;
    }

    /// <summary>
    /// The first fire time strictly after <paramref name="after"/>, to the minute and in UTC (offset zero),
    /// or null when the schedule never fires again.
    /// </summary>
    public abstract DateTimeOffset? NextOccurrence(DateTimeOffset after);

    /// <summary>
    /// This schedule with a rate counted from <paramref name="anchor"/>; a cron schedule returns itself.
    /// A host passes its start time, as AWS starts a rate when the rule is created.
    /// </summary>
    public abstract ScheduleExpression AnchoredAt(DateTimeOffset anchor);

    /// <summary>The fire times after <paramref name="after"/>, in order, lazily.</summary>
    public IEnumerable<DateTimeOffset> Occurrences(DateTimeOffset after)
    {
        for (var next = NextOccurrence(after); next is { } at; next = NextOccurrence(at))
        {
            yield return at;
        }
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
