// This file is compiled into the netstandard2.0 generator as well: netstandard2.0 APIs only.
using System;

namespace Impulse.Scheduling;

/// <summary>A parsed schedule expression: <see cref="RateSpec"/> or <see cref="CronSpec"/>.</summary>
internal abstract class ScheduleSpec
{
}

/// <summary>A parsed <c>rate(value unit)</c>.</summary>
internal sealed class RateSpec : ScheduleSpec
{
    public RateSpec(int value, string unit, int minutesPerUnit)
    {
        Value = value;
        Unit = unit;
        MinutesPerUnit = minutesPerUnit;
    }

    /// <summary>The positive count of units.</summary>
    public int Value { get; }

    /// <summary>The unit as written: "minute", "hours", ...</summary>
    public string Unit { get; }

    /// <summary>1 for minutes, 60 for hours, 1440 for days.</summary>
    public int MinutesPerUnit { get; }

    /// <summary>The interval in whole minutes; a long, since <c>rate(2147483647 days)</c> is valid.</summary>
    public long IntervalMinutes => (long)Value * MinutesPerUnit;
}

/// <summary>A parsed <c>cron(...)</c>, and the search for its next fire time.</summary>
internal sealed class CronSpec : ScheduleSpec
{
    public CronSpec(
        CronValueSet minutes,
        CronValueSet hours,
        DayOfMonthRule dayOfMonth,
        CronValueSet months,
        DayOfWeekRule dayOfWeek,
        CronValueSet years)
    {
        Minutes = minutes;
        Hours = hours;
        DayOfMonth = dayOfMonth;
        Months = months;
        DayOfWeek = dayOfWeek;
        Years = years;
    }

    public CronValueSet Minutes { get; }

    public CronValueSet Hours { get; }

    public DayOfMonthRule DayOfMonth { get; }

    public CronValueSet Months { get; }

    public DayOfWeekRule DayOfWeek { get; }

    public CronValueSet Years { get; }

    /// <summary>Whether the expression selects the given day; exactly one of the two day fields is '?'.</summary>
    public bool MatchesDay(int year, int month, int day) =>
        DayOfMonth.Matches(year, month, day) && DayOfWeek.Matches(year, month, day);

    /// <summary>
    /// The first minute strictly after <paramref name="afterUtcTicks"/> (UTC ticks) that the expression selects,
    /// as UTC ticks, or -1 when there is none before the year field runs out.
    /// </summary>
    /// <remarks>
    /// A field-wise search: each step jumps to the next allowed value of the coarsest field that does not
    /// match and resets the finer ones, so the cost is bounded by the number of months searched (at most
    /// 12 × 230 for an expression that never fires, such as Feb 30), never by the number of minutes.
    /// </remarks>
    public long NextAfter(long afterUtcTicks)
    {
        if (afterUtcTicks >= new DateTime(Years.Max + 1, 1, 1).Ticks)
        {
            return -1;
        }

        // Minute precision: the first whole minute strictly after the instant.
        var ticks = afterUtcTicks - (afterUtcTicks % TimeSpan.TicksPerMinute) + TimeSpan.TicksPerMinute;
        var start = new DateTime(ticks);
        int year = start.Year, month = start.Month, day = start.Day, hour = start.Hour, minute = start.Minute;

        while (true)
        {
            var nextYear = Years.Next(year);
            if (nextYear < 0)
            {
                return -1;
            }

            if (nextYear != year)
            {
                year = nextYear;
                month = 1;
                day = 1;
                hour = 0;
                minute = 0;
            }

            var nextMonth = Months.Next(month);
            if (nextMonth < 0)
            {
                year++;
                month = 1;
                day = 1;
                hour = 0;
                minute = 0;
                continue;
            }

            if (nextMonth != month)
            {
                month = nextMonth;
                day = 1;
                hour = 0;
                minute = 0;
            }

            var nextDay = NextDay(year, month, day);
            if (nextDay < 0)
            {
                NextMonth(ref year, ref month);
                day = 1;
                hour = 0;
                minute = 0;
                continue;
            }

            if (nextDay != day)
            {
                day = nextDay;
                hour = 0;
                minute = 0;
            }

            var nextHour = Hours.Next(hour);
            if (nextHour < 0)
            {
                NextDayOf(ref year, ref month, ref day);
                hour = 0;
                minute = 0;
                continue;
            }

            if (nextHour != hour)
            {
                hour = nextHour;
                minute = 0;
            }

            var nextMinute = Minutes.Next(minute);
            if (nextMinute < 0)
            {
                hour++;
                minute = 0;
                if (hour > 23)
                {
                    NextDayOf(ref year, ref month, ref day);
                    hour = 0;
                }

                continue;
            }

            return new DateTime(year, month, day, hour, nextMinute, 0).Ticks;
        }
    }

    private int NextDay(int year, int month, int from)
    {
        var daysInMonth = DateTime.DaysInMonth(year, month);
        for (var day = from; day <= daysInMonth; day++)
        {
            if (MatchesDay(year, month, day))
            {
                return day;
            }
        }

        return -1;
    }

    private static void NextMonth(ref int year, ref int month)
    {
        if (++month > 12)
        {
            month = 1;
            year++;
        }
    }

    private static void NextDayOf(ref int year, ref int month, ref int day)
    {
        if (++day > DateTime.DaysInMonth(year, month))
        {
            day = 1;
            NextMonth(ref year, ref month);
        }
    }
}
