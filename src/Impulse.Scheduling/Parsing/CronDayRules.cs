// This file is compiled into the netstandard2.0 generator as well: netstandard2.0 APIs only.
using System;

namespace Impulse.Scheduling;

/// <summary>The forms the day-of-month field takes.</summary>
internal enum DayOfMonthKind
{
    /// <summary>'?': the day-of-week field decides.</summary>
    Unspecified,
    /// <summary>Listed days, ranges and steps, or '*'.</summary>
    Days,
    /// <summary>'L': the last day of the month.</summary>
    Last,
    /// <summary>'LW': the last weekday (Monday to Friday) of the month.</summary>
    LastWeekday,
    /// <summary>'15W': the weekday nearest the given day, within the same month.</summary>
    NearestWeekday,
}

/// <summary>The forms the day-of-week field takes.</summary>
internal enum DayOfWeekKind
{
    /// <summary>'?': the day-of-month field decides.</summary>
    Unspecified,
    /// <summary>Listed weekdays and ranges, '*', or 'L' alone (Saturday, the last day of the week).</summary>
    Days,
    /// <summary>'6L': the last such weekday of the month.</summary>
    LastInMonth,
    /// <summary>'3#2': the n-th such weekday of the month.</summary>
    NthInMonth,
}

/// <summary>What the day-of-month field selects.</summary>
internal sealed class DayOfMonthRule
{
    /// <summary>The '?' rule.</summary>
    public static readonly DayOfMonthRule Unspecified = new(DayOfMonthKind.Unspecified, null, 0);

    public DayOfMonthRule(DayOfMonthKind kind, CronValueSet? days, int day)
    {
        Kind = kind;
        Days = days;
        Day = day;
    }

    /// <summary>Which form the field has.</summary>
    public DayOfMonthKind Kind { get; }

    /// <summary>For <see cref="DayOfMonthKind.Days"/>: the days.</summary>
    public CronValueSet? Days { get; }

    /// <summary>For <see cref="DayOfMonthKind.NearestWeekday"/>: the day the weekday is nearest to.</summary>
    public int Day { get; }

    /// <summary>Whether the rule selects <paramref name="day"/> of the given month.</summary>
    public bool Matches(int year, int month, int day)
    {
        var daysInMonth = DateTime.DaysInMonth(year, month);
        switch (Kind)
        {
            case DayOfMonthKind.Days:
                return Days!.Contains(day);
            case DayOfMonthKind.Last:
                return day == daysInMonth;
            case DayOfMonthKind.LastWeekday:
                return day == NearestWeekday(year, month, daysInMonth, daysInMonth);
            case DayOfMonthKind.NearestWeekday:
                // A month without that day (31W in April) has no such weekday, as a plain 31 never fires there.
                return Day <= daysInMonth && day == NearestWeekday(year, month, Day, daysInMonth);
            default:
                return true;
        }
    }

    // The weekday nearest to `target` without leaving the month: Saturday moves back to Friday unless it is
    // the 1st (then forward to Monday the 3rd); Sunday moves on to Monday unless it is the last day (then
    // back to Friday). This is Quartz's 'W', which AWS's "weekday closest to" describes.
    private static int NearestWeekday(int year, int month, int target, int daysInMonth)
    {
        switch (new DateTime(year, month, target).DayOfWeek)
        {
            case System.DayOfWeek.Saturday:
                return target == 1 ? 3 : target - 1;
            case System.DayOfWeek.Sunday:
                return target == daysInMonth ? target - 2 : target + 1;
            default:
                return target;
        }
    }
}

/// <summary>What the day-of-week field selects.</summary>
internal sealed class DayOfWeekRule
{
    /// <summary>The '?' rule.</summary>
    public static readonly DayOfWeekRule Unspecified = new(DayOfWeekKind.Unspecified, null, 0, 0);

    public DayOfWeekRule(DayOfWeekKind kind, CronValueSet? days, int weekday, int nth)
    {
        Kind = kind;
        Days = days;
        Weekday = weekday;
        Nth = nth;
    }

    /// <summary>Which form the field has.</summary>
    public DayOfWeekKind Kind { get; }

    /// <summary>For <see cref="DayOfWeekKind.Days"/>: the weekdays, 1 = Sunday.</summary>
    public CronValueSet? Days { get; }

    /// <summary>For 'L' and '#' forms: the weekday, 1 = Sunday.</summary>
    public int Weekday { get; }

    /// <summary>For <see cref="DayOfWeekKind.NthInMonth"/>: which occurrence, 1-5.</summary>
    public int Nth { get; }

    /// <summary>Whether the rule selects <paramref name="day"/> of the given month.</summary>
    public bool Matches(int year, int month, int day)
    {
        // AWS counts Sunday as 1; .NET counts it as 0.
        var weekday = (int)new DateTime(year, month, day).DayOfWeek + 1;
        switch (Kind)
        {
            case DayOfWeekKind.Days:
                return Days!.Contains(weekday);
            case DayOfWeekKind.LastInMonth:
                return weekday == Weekday && day + 7 > DateTime.DaysInMonth(year, month);
            case DayOfWeekKind.NthInMonth:
                // A month with only four of that weekday has no '#5': it is skipped, not moved.
                return weekday == Weekday && ((day - 1) / 7) + 1 == Nth;
            default:
                return true;
        }
    }
}
