using System.Globalization;
using CsCheck;

namespace Impulse.Scheduling.Tests.Reference;

/// <summary>Random valid cron expressions, each paired with its meaning, and random start times.</summary>
internal static class CronGen
{
    private static readonly string[] MonthNames =
        ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>Start times across AWS's whole year range, crowded near its ends and near today, at any UTC offset.</summary>
    public static readonly Gen<DateTimeOffset> Start =
        from year in Gen.Frequency(
            (6, Gen.Int[2020, 2030]),
            (2, Gen.Int[1971, 2196]),
            (1, Gen.Int[1968, 1971]),
            (1, Gen.Int[2197, 2199]))
        from month in Gen.Int[1, 12]
        from day in Gen.Int[1, 31]
        from hour in Gen.Int[0, 23]
        from minute in Gen.Int[0, 59]
        from second in Gen.Int[0, 59]
        from quarterHours in Gen.Int[-56, 56]
        select new DateTimeOffset(
            year, month, Math.Min(day, DateTime.DaysInMonth(year, month)), hour, minute, second,
            TimeSpan.FromMinutes(quarterHours * 15));

    /// <summary>An expression whose year field stays near <paramref name="year"/>, so it fires within a bounded window.</summary>
    public static Gen<CronCase> Case(int year)
    {
        var minutes = List(Simple(0, 59, 0, 59, null, maxStep: 30, wraps: true));
        var hours = List(Simple(0, 23, 0, 23, null, maxStep: 12, wraps: true));
        var months = Gen.Frequency(
            (3, Gen.Const(Star)),
            (2, List(Simple(1, 12, 1, 12, MonthNames, maxStep: 6, wraps: true))));
        var low = Math.Clamp(year - 1, 1970, 2199);
        var high = Math.Clamp(year + 2, 1970, 2199);
        // '*' in the year is AWS's whole range, 1970-2199, not every year.
        var years = Gen.Frequency(
            (3, Gen.Const(new FieldCase("*", v => v is >= 1970 and <= 2199))),
            (2, List(Simple(1970, 2199, low, high, null, maxStep: 3, wraps: false))));
        return Gen.Select(minutes, hours, Gen.OneOf(DayOfMonth(), DayOfWeek()), months, years,
            (mi, h, d, mo, y) => new CronCase(mi, h, d, mo, y));
    }

    private static readonly FieldCase Star = new("*", _ => true);

    private static Gen<FieldCase> List(Gen<FieldCase> item) =>
        Gen.Frequency((3, item.Select(i => new[] { i })), (1, item.Array[2, 3]))
            .Select(items => new FieldCase(
                string.Join(",", items.Select(i => i.Text)),
                v => items.Any(i => i.Matches(v))));

    // One list item of a plain field, in every form AWS allows: *, v, a-b, */n, v/n, a-b/n (maxStep 0: no steps).
    private static Gen<FieldCase> Simple(
        int min, int max, int pickMin, int pickMax, string[]? names, int maxStep, bool wraps)
    {
        var span = max - min + 1;
        var value = Gen.Int[pickMin, pickMax];
        var step = Gen.Frequency((4, Gen.Int[1, Math.Max(1, Math.Min(maxStep, 6))]), (1, Gen.Int[1, Math.Max(1, maxStep)]));
        var range = Gen.Select(value, value).Select(p => wraps ? p : (Math.Min(p.Item1, p.Item2), Math.Max(p.Item1, p.Item2)));

        bool InRange(int v, int a, int b) => a <= b ? a <= v && v <= b : v >= a || v <= b;
        int Position(int v, int a) => ((v - a) % span + span) % span;

        var forms = new List<(int, IGen<FieldCase>)>
        {
            (1, Gen.Const(Star)),
            (4, Gen.Select(value, ValueText(min, names), (v, text) => new FieldCase(text(v), x => x == v))),
            (3, Gen.Select(range, ValueText(min, names), (r, text) =>
                new FieldCase($"{text(r.Item1)}-{text(r.Item2)}", x => InRange(x, r.Item1, r.Item2)))),
        };
        if (maxStep > 0)
        {
            forms.Add((2, step.Select(n => new FieldCase($"*/{n}", x => (x - min) % n == 0))));
            forms.Add((2, Gen.Select(value, step, (v, n) => new FieldCase($"{v}/{n}", x => x >= v && (x - v) % n == 0))));
            forms.Add((2, Gen.Select(range, step, (r, n) => new FieldCase(
                $"{r.Item1}-{r.Item2}/{n}", x => InRange(x, r.Item1, r.Item2) && Position(x, r.Item1) % n == 0))));
        }

        // No form selects a value outside the field, whatever its arithmetic says (*/2 and 1968 in the year).
        return Gen.Frequency(forms.ToArray()).Select(f => new FieldCase(f.Text, x => x >= min && x <= max && f.Matches(x)));
    }

    // Writes a value as a number or, where the field has names, as a name in either case.
    private static Gen<Func<int, string>> ValueText(int min, string[]? names) =>
        names is null
            ? Gen.Const<Func<int, string>>(v => v.ToString(CultureInfo.InvariantCulture))
            : Gen.OneOf(new Func<int, string>[]
            {
                v => v.ToString(CultureInfo.InvariantCulture),
                v => names[v - min],
                v => names[v - min].ToLowerInvariant(),
            });

    private static Gen<DayCase> DayOfMonth()
    {
        var nearDay = Gen.Frequency((2, Gen.Int[1, 3]), (2, Gen.Int[27, 31]), (1, Gen.Int[1, 31]));
        var list = List(Simple(1, 31, 1, 31, null, maxStep: 10, wraps: true));
        return Gen.Frequency(
            (4, list.Select(f => new DayCase(f.Text, "?", d => f.Matches(d.Day)))),
            (1, Gen.Const(new DayCase("L", "?", Days.IsLastDay))),
            (1, Gen.Const(new DayCase("LW", "?", Days.IsLastWeekday))),
            (2, nearDay.Select(n => new DayCase($"{n}W", "?", d => Days.IsNearestWeekday(d, n)))));
    }

    private static Gen<DayCase> DayOfWeek()
    {
        var weekday = Gen.Int[1, 7];
        var list = List(Simple(1, 7, 1, 7, DayNames, maxStep: 0, wraps: true));
        return Gen.Frequency(
            (4, list.Select(f => new DayCase("?", f.Text, d => f.Matches(Days.AwsWeekday(d))))),
            (1, Gen.Const(new DayCase("?", "L", d => d.DayOfWeek == System.DayOfWeek.Saturday))),
            (2, Gen.Select(weekday, ValueText(1, DayNames), (w, text) =>
                new DayCase("?", $"{text(w)}L", d => Days.IsLastOfWeekday(d, w)))),
            (2, Gen.Select(weekday, Gen.Int[1, 5], ValueText(1, DayNames), (w, k, text) =>
                new DayCase("?", $"{text(w)}#{k}", d => Days.IsNthWeekday(d, w, k)))));
    }
}
