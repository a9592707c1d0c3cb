namespace Impulse.Scheduling.Tests.Reference;

/// <summary>One field of a generated expression: its text and a naive definition of the values it selects.</summary>
internal sealed record FieldCase(string Text, Func<int, bool> Matches);

/// <summary>The two day fields of a generated expression (one of them '?') and the days they select.</summary>
internal sealed record DayCase(string DayOfMonth, string DayOfWeek, Func<DateTime, bool> Matches);

/// <summary>
/// A generated cron expression with its meaning written out independently of the library: the reference
/// that the brute-force search checks minute by minute.
/// </summary>
internal sealed record CronCase(FieldCase Minutes, FieldCase Hours, DayCase Days, FieldCase Months, FieldCase Years)
{
    public string Expression =>
        $"cron({Minutes.Text} {Hours.Text} {Days.DayOfMonth} {Months.Text} {Days.DayOfWeek} {Years.Text})";

    /// <summary>Whether the expression selects the UTC minute <paramref name="t"/>.</summary>
    public bool Matches(DateTime t) =>
        Years.Matches(t.Year) && Months.Matches(t.Month) && Days.Matches(t.Date)
        && Hours.Matches(t.Hour) && Minutes.Matches(t.Minute);

    /// <summary>
    /// The first selected minute strictly after <paramref name="after"/> and no later than <paramref name="windowEnd"/>,
    /// found by trying every minute in turn.
    /// </summary>
    public DateTime? BruteForceNext(DateTimeOffset after, DateTime windowEnd)
    {
        var utc = after.UtcDateTime;
        var t = new DateTime(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, DateTimeKind.Utc).AddMinutes(1);
        for (; t <= windowEnd && t.Year <= 2199; t = t.AddMinutes(1))
        {
            if (Matches(t))
            {
                return t;
            }
        }

        return null;
    }

    public override string ToString() => Expression;
}

/// <summary>Day arithmetic for the reference, written without the library's helpers.</summary>
internal static class Days
{
    /// <summary>AWS numbers weekdays from Sunday = 1.</summary>
    public static int AwsWeekday(DateTime date) => date.DayOfWeek switch
    {
        DayOfWeek.Sunday => 1,
        DayOfWeek.Monday => 2,
        DayOfWeek.Tuesday => 3,
        DayOfWeek.Wednesday => 4,
        DayOfWeek.Thursday => 5,
        DayOfWeek.Friday => 6,
        _ => 7,
    };

    public static bool IsWeekday(DateTime date) =>
        date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday;

    public static IEnumerable<DateTime> MonthOf(DateTime date) =>
        Enumerable.Range(1, DateTime.DaysInMonth(date.Year, date.Month))
            .Select(d => new DateTime(date.Year, date.Month, d));

    /// <summary>'L': the last day of the month.</summary>
    public static bool IsLastDay(DateTime date) => date.AddDays(1).Month != date.Month;

    /// <summary>'LW': no weekday of the month comes after it.</summary>
    public static bool IsLastWeekday(DateTime date) =>
        IsWeekday(date) && !MonthOf(date).Any(d => d > date && IsWeekday(d));

    /// <summary>'nW': of the month's weekdays, the one closest to day n (a month without day n has none).</summary>
    public static bool IsNearestWeekday(DateTime date, int n)
    {
        if (n > DateTime.DaysInMonth(date.Year, date.Month))
        {
            return false;
        }

        var nearest = MonthOf(date).Where(IsWeekday).MinBy(d => Math.Abs(d.Day - n));
        return nearest.Day == date.Day;
    }

    /// <summary>'wL': weekday w, and a week later is another month.</summary>
    public static bool IsLastOfWeekday(DateTime date, int weekday) =>
        AwsWeekday(date) == weekday && date.AddDays(7).Month != date.Month;

    /// <summary>'w#k': weekday w, and the k-th of them counted from the 1st.</summary>
    public static bool IsNthWeekday(DateTime date, int weekday, int k) =>
        AwsWeekday(date) == weekday && MonthOf(date).Count(d => d <= date && AwsWeekday(d) == weekday) == k;
}
