using System;

namespace Impulse.Scheduling;

/// <summary>
/// A <c>cron(minutes hours day-of-month month day-of-week year)</c> schedule with AWS's six fields and
/// wildcards (<c>, - * ? / L W #</c>), evaluated in UTC.
/// </summary>
public sealed class CronSchedule : ScheduleExpression
{
    private readonly CronSpec _spec;

    internal CronSchedule(string text, CronSpec spec)
        : base(text) => _spec = spec;

    /// <inheritdoc/>
    /// <remarks>Null once the year field (at most 2199) has no fire time left.</remarks>
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after)
    {
        var ticks = _spec.NextAfter(after.UtcTicks);
        return ticks < 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override ScheduleExpression AnchoredAt(DateTimeOffset anchor) => this;
}
