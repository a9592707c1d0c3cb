// This file is compiled into the netstandard2.0 generator as well: netstandard2.0 APIs only.
using System;

namespace Impulse.Scheduling;

/// <summary>The fixed facts about one of the six cron fields, as AWS's cron reference tabulates them.</summary>
internal sealed class CronField
{
    private static readonly string[] MonthNames =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    // AWS numbers the week from Sunday: 1 = SUN ... 7 = SAT (Quartz's convention, not Unix cron's 0-6).
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    // Step limits follow Quartz, whose table AWS's reproduces: a step may not exceed the field's largest
    // value. The year has no such bound in Quartz; its span keeps "*/n" meaningful.
    public static readonly CronField Minutes = new("minutes", 0, 59, 59, ",-*/", null, wraps: true);
    public static readonly CronField Hours = new("hours", 0, 23, 23, ",-*/", null, wraps: true);
    public static readonly CronField DayOfMonth = new("day-of-month", 1, 31, 31, ",-*?/LW", null, wraps: true);
    public static readonly CronField Month = new("month", 1, 12, 12, ",-*/", MonthNames, wraps: true);
    public static readonly CronField DayOfWeek = new("day-of-week", 1, 7, 0, ",-*?L#", DayNames, wraps: true);
    public static readonly CronField Year = new("year", 1970, 2199, 229, ",-*/", null, wraps: false);

    private CronField(string name, int min, int max, int stepLimit, string wildcards, string[]? names, bool wraps)
    {
        Wraps = wraps;
        Name = name;
        Min = min;
        Max = max;
        StepLimit = stepLimit;
        Wildcards = wildcards;
        Names = names;
    }

    /// <summary>The field's name as errors show it: "day-of-week".</summary>
    public string Name { get; }

    /// <summary>The smallest value the field accepts.</summary>
    public int Min { get; }

    /// <summary>The largest value the field accepts.</summary>
    public int Max { get; }

    /// <summary>The largest step after '/'; 0 where '/' is not allowed.</summary>
    public int StepLimit { get; }

    /// <summary>The special characters AWS allows in this field.</summary>
    public string Wildcards { get; }

    /// <summary>Three-letter names for the values from <see cref="Min"/>, or null where only numbers are allowed.</summary>
    public string[]? Names { get; }

    /// <summary>
    /// Whether a range may run past the end and wrap around, as AWS's own example "20-2" in hours does.
    /// Years do not wrap: 2030-2020 has no meaning.
    /// </summary>
    public bool Wraps { get; }

    /// <summary>The values the field accepts, for errors: "1-12 or JAN-DEC".</summary>
    public string RangeText => Names is null
        ? Min + "-" + Max
        : Min + "-" + Max + " or " + Names[0] + "-" + Names[Names.Length - 1];

    /// <summary>The wildcards as AWS lists them, for errors: ", - * /".</summary>
    public string WildcardText => string.Join(" ", Array.ConvertAll(Wildcards.ToCharArray(), c => c.ToString()));

    /// <summary>Whether <paramref name="c"/> is one of the field's special characters.</summary>
    public bool Allows(char c) => Wildcards.IndexOf(c) >= 0;

    /// <summary>The value a three-letter name stands for, or -1 when it names none (case-insensitive).</summary>
    public int ValueOfName(string name)
    {
        if (Names is null)
        {
            return -1;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return Min + i;
            }
        }

        return -1;
    }
}

/// <summary>The values one cron field allows, as a bitmap over the field's range.</summary>
internal sealed class CronValueSet
{
    private readonly ulong[] _bits;

    /// <summary>Creates an empty set over the range of <paramref name="field"/>.</summary>
    public CronValueSet(CronField field)
    {
        Min = field.Min;
        Max = field.Max;
        _bits = new ulong[((Max - Min) / 64) + 1];
    }

    /// <summary>The smallest value the set could hold.</summary>
    public int Min { get; }

    /// <summary>The largest value the set could hold.</summary>
    public int Max { get; }

    /// <summary>Adds a value inside the range.</summary>
    public void Add(int value)
    {
        var offset = value - Min;
        _bits[offset >> 6] |= 1UL << (offset & 63);
    }

    /// <summary>Whether the set holds <paramref name="value"/>; false outside the range.</summary>
    public bool Contains(int value)
    {
        if (value < Min || value > Max)
        {
            return false;
        }

        var offset = value - Min;
        return (_bits[offset >> 6] & (1UL << (offset & 63))) != 0;
    }

    /// <summary>The smallest value in the set that is at least <paramref name="from"/>, or -1 when there is none.</summary>
    public int Next(int from)
    {
        for (var value = Math.Max(from, Min); value <= Max; value++)
        {
            if (Contains(value))
            {
                return value;
            }
        }

        return -1;
    }
}
