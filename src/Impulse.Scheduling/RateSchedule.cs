using System;

namespace Impulse.Scheduling;

/// <summary>
/// A <c>rate(value unit)</c> schedule: it fires every <see cref="Interval"/>, counted from <see cref="Anchor"/>.
/// </summary>
/// <remarks>
/// AWS starts a rate when the rule is created and first fires one interval later. Here the rule's creation is
/// the anchor: <see cref="ScheduleExpression.AnchoredAt"/> sets it (a host passes its start time), and a rate
/// parsed without one counts from the Unix epoch, so <c>rate(5 minutes)</c> fires on the clock's
/// five-minute marks. The anchor is truncated to the minute, since schedules have minute precision.
/// </remarks>
public sealed class RateSchedule : ScheduleExpression
{
    // rate(2147483647 days) is valid but overflows a tick count; such a rate never fires within DateTimeOffset.
    private const long MaxIntervalMinutes = long.MaxValue / TimeSpan.TicksPerMinute;

    private readonly RateSpec _spec;

    internal RateSchedule(string text, RateSpec spec, DateTimeOffset anchor)
        : base(text)
    {
        _spec = spec;
        var ticks = anchor.UtcTicks;
        Anchor = new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>The number of units between fire times: 5 in <c>rate(5 minutes)</c>.</summary>
    public int Value => _spec.Value;

    /// <summary>The time between fire times; <see cref="TimeSpan.MaxValue"/> for a rate longer than that (AWS sets no upper bound).</summary>
    public TimeSpan Interval => _spec.IntervalMinutes > MaxIntervalMinutes
        ? TimeSpan.MaxValue
        : TimeSpan.FromTicks(_spec.IntervalMinutes * TimeSpan.TicksPerMinute);

    /// <summary>When the rate started counting, in UTC and to the minute; the first fire time is one interval later.</summary>
    public DateTimeOffset Anchor { get; }

    /// <inheritdoc/>
    /// <remarks>The fire times are <c>Anchor + k × Interval</c> for k ≥ 1; null past <see cref="DateTimeOffset.MaxValue"/>.</remarks>
    public override DateTimeOffset? NextOccurrence(DateTimeOffset after)
    {
        if (_spec.IntervalMinutes > MaxIntervalMinutes)
        {
            return null;
        }

        var anchor = Anchor.UtcTicks;
        var interval = _spec.IntervalMinutes * TimeSpan.TicksPerMinute;
        var elapsed = after.UtcTicks - anchor;

        // Before the anchor the first fire time is next; after it, the first multiple past `after`.
        var k = elapsed < 0 ? 1 : (elapsed / interval) + 1;
        var remaining = DateTimeOffset.MaxValue.UtcTicks - anchor;
        return k > remaining / interval ? null : new DateTimeOffset(anchor + (k * interval), TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override ScheduleExpression AnchoredAt(DateTimeOffset anchor) => new RateSchedule(Text, _spec, anchor);
}
