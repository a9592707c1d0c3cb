// This file is compiled into the netstandard2.0 generator as well: netstandard2.0 APIs only.
using System;
using System.Globalization;

namespace Impulse.Scheduling;

/// <summary>Parses the six fields of an AWS cron expression, by the rules of AWS's cron reference.</summary>
internal static class CronParser
{
    private const string Fields = "minutes hours day-of-month month day-of-week year";

    /// <summary>Parses the text between <c>cron(</c> and <c>)</c>.</summary>
    public static bool TryParse(string body, char[] whiteSpace, out ScheduleSpec? spec, out string error)
    {
        spec = null;
        var fields = body.Split(whiteSpace, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = "cron: expected 6 fields (" + Fields + ") but found " + fields.Length
                + (fields.Length == 5 ? "; unlike Unix cron, AWS requires the year: add '*' at the end" : string.Empty);
            return false;
        }

        if (!TryParseValues(CronField.Minutes, fields[0], out var minutes, out error)
            || !TryParseValues(CronField.Hours, fields[1], out var hours, out error)
            || !TryParseDayOfMonth(fields[2], out var dayOfMonth, out error)
            || !TryParseValues(CronField.Month, fields[3], out var months, out error)
            || !TryParseDayOfWeek(fields[4], out var dayOfWeek, out error)
            || !TryParseValues(CronField.Year, fields[5], out var years, out error))
        {
            return false;
        }

        // AWS: "You can't specify the Day-of-month and Day-of-week fields in the same cron expression. If you
        // specify a value or a * (asterisk) in one of the fields, you must use a ? (question mark) in the other."
        var domOpen = dayOfMonth.Kind == DayOfMonthKind.Unspecified;
        var dowOpen = dayOfWeek.Kind == DayOfWeekKind.Unspecified;
        if (domOpen && dowOpen)
        {
            error = "day-of-month and day-of-week: both are '?'; exactly one of them must be '?' (for example cron(0 10 * * ? *))";
            return false;
        }

        if (!domOpen && !dowOpen)
        {
            error = "day-of-month and day-of-week: both are set, which AWS does not allow; put '?' in one of them "
                + "(for example cron(0 10 * * ? *) or cron(0 18 ? * MON-FRI *))";
            return false;
        }

        spec = new CronSpec(minutes, hours, dayOfMonth, months, dayOfWeek, years);
        return true;
    }

    private static bool TryParseDayOfMonth(string text, out DayOfMonthRule rule, out string error)
    {
        var field = CronField.DayOfMonth;
        rule = DayOfMonthRule.Unspecified;
        if (!CheckCharacters(field, text, out error) || !CheckQuestionMark(field, text, out error))
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        if (upper == "?")
        {
            return true;
        }

        if (upper == "L")
        {
            rule = new DayOfMonthRule(DayOfMonthKind.Last, null, 0);
            return true;
        }

        if (upper == "LW")
        {
            rule = new DayOfMonthRule(DayOfMonthKind.LastWeekday, null, 0);
            return true;
        }

        if (upper.IndexOf('L') >= 0 || upper.IndexOf('W') >= 0)
        {
            var day = upper.Substring(0, upper.Length - 1);
            if (upper[upper.Length - 1] != 'W' || !ScheduleParser.IsDigits(day))
            {
                // Quartz's 'L-3' and 'L' or 'W' inside lists are not in AWS's reference; refuse rather than guess.
                error = field.Name + ": '" + text + "' is not a form of L or W that AWS accepts: use 'L' (the last day), "
                    + "'LW' (the last weekday) or one day and W ('15W', the weekday nearest the 15th), alone in the field";
                return false;
            }

            if (!TryParseValue(field, day, text, out var target, out error))
            {
                return false;
            }

            rule = new DayOfMonthRule(DayOfMonthKind.NearestWeekday, null, target);
            return true;
        }

        if (!TryParseValues(field, text, out var days, out error))
        {
            return false;
        }

        rule = new DayOfMonthRule(DayOfMonthKind.Days, days, 0);
        return true;
    }

    private static bool TryParseDayOfWeek(string text, out DayOfWeekRule rule, out string error)
    {
        var field = CronField.DayOfWeek;
        rule = DayOfWeekRule.Unspecified;
        if (!CheckCharacters(field, text, out error) || !CheckQuestionMark(field, text, out error))
        {
            return false;
        }

        var upper = text.ToUpperInvariant();
        if (upper == "?")
        {
            return true;
        }

        if (upper.IndexOf('#') >= 0)
        {
            return TryParseNth(text, out rule, out error);
        }

        if (upper == "L")
        {
            // AWS: L in day-of-week "specifies the last day of the ... week", which is Saturday (7) in its
            // Sunday-first week: every Saturday, not the last Saturday of the month (that is "7L").
            var saturday = new CronValueSet(field);
            saturday.Add(7);
            rule = new DayOfWeekRule(DayOfWeekKind.Days, saturday, 0, 0);
            return true;
        }

        if (upper.IndexOf('L') >= 0)
        {
            var weekdayText = text.Substring(0, text.Length - 1);
            if (upper[upper.Length - 1] != 'L' || weekdayText.IndexOfAny([',', '-', '*', 'L', 'l']) >= 0)
            {
                error = field.Name + ": '" + text + "' is not a form of L that AWS accepts: use 'L' alone (Saturday, "
                    + "the last day of the week) or one weekday and L ('6L', the last Friday of the month), alone in the field";
                return false;
            }

            if (!TryParseValue(field, weekdayText, text, out var weekday, out error))
            {
                return false;
            }

            rule = new DayOfWeekRule(DayOfWeekKind.LastInMonth, null, weekday, 0);
            return true;
        }

        if (!TryParseValues(field, text, out var days, out error))
        {
            return false;
        }

        rule = new DayOfWeekRule(DayOfWeekKind.Days, days, 0, 0);
        return true;
    }

    private static bool TryParseNth(string text, out DayOfWeekRule rule, out string error)
    {
        var field = CronField.DayOfWeek;
        rule = DayOfWeekRule.Unspecified;

        // AWS: "If you use a '#' character, you can define only one expression in the day-of-week field.
        // For example, "3#1,6#3" is not valid because it is interpreted as two expressions."
        if (text.IndexOf(',') >= 0)
        {
            error = field.Name + ": '" + text + "' has a list with '#'; AWS allows only one expression in the field when '#' is used";
            return false;
        }

        var parts = text.Split('#');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            error = field.Name + ": '" + text + "' is not weekday#n, as in '3#2' (the second Tuesday of the month)";
            return false;
        }

        if (!TryParseValue(field, parts[0], text, out var weekday, out error))
        {
            return false;
        }

        // A month holds at most five of any weekday.
        if (!ScheduleParser.IsDigits(parts[1])
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var nth)
            || nth < 1 || nth > 5)
        {
            error = field.Name + ": '#" + parts[1] + "' in '" + text + "' is out of range 1-5; a month has at most five of a weekday";
            return false;
        }

        rule = new DayOfWeekRule(DayOfWeekKind.NthInMonth, null, weekday, nth);
        return true;
    }

    /// <summary>Parses a list of values, ranges and steps ("0,15-20,30/5", "*", "MON-FRI") into a set.</summary>
    private static bool TryParseValues(CronField field, string text, out CronValueSet set, out string error)
    {
        set = new CronValueSet(field);
        if (!CheckCharacters(field, text, out error) || !CheckQuestionMark(field, text, out error))
        {
            return false;
        }

        foreach (var item in text.Split(','))
        {
            if (item.Length == 0)
            {
                error = field.Name + ": '" + text + "' has an empty item in its list";
                return false;
            }

            if (!TryAddItem(field, item, set, out error))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAddItem(CronField field, string item, CronValueSet set, out string error)
    {
        var range = item;
        var step = 1;
        var stepped = false;
        var slash = item.IndexOf('/');
        if (slash >= 0)
        {
            range = item.Substring(0, slash);
            var stepText = item.Substring(slash + 1);
            if (!ScheduleParser.IsDigits(stepText)
                || !int.TryParse(stepText, NumberStyles.None, CultureInfo.InvariantCulture, out step)
                || step < 1 || step > field.StepLimit)
            {
                error = field.Name + ": step '" + stepText + "' in '" + item + "' is out of range 1-" + field.StepLimit;
                return false;
            }

            stepped = true;
        }

        int first, last;
        var dash = range.IndexOf('-');
        if (range == "*")
        {
            first = field.Min;
            last = field.Max;
        }
        else if (dash >= 0)
        {
            if (!TryParseValue(field, range.Substring(0, dash), item, out first, out error)
                || !TryParseValue(field, range.Substring(dash + 1), item, out last, out error))
            {
                return false;
            }

            if (first > last && !field.Wraps)
            {
                error = field.Name + ": range '" + range + "' runs backwards";
                return false;
            }
        }
        else
        {
            if (!TryParseValue(field, range, item, out first, out error))
            {
                return false;
            }

            // "5/15" starts at 5 and steps to the end of the field, as AWS's "1/10" in minutes does.
            last = stepped ? field.Max : first;
        }

        // A range whose end is below its start wraps past the field's maximum: "20-2" in hours is 20-23, 0-2.
        var span = field.Max - field.Min + 1;
        var length = last >= first ? last - first + 1 : last - first + 1 + span;
        for (var offset = 0; offset < length; offset += step)
        {
            var value = first + offset;
            set.Add(value > field.Max ? value - span : value);
        }

        error = string.Empty;
        return true;
    }

    private static bool TryParseValue(CronField field, string token, string item, out int value, out string error)
    {
        value = 0;
        if (token.Length == 0)
        {
            error = field.Name + ": '" + item + "' is missing a value";
            return false;
        }

        if (ScheduleParser.IsDigits(token))
        {
            // More than nine digits cannot fit the field (nor an int); it is out of range either way.
            if (token.Length > 9
                || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out value)
                || value < field.Min || value > field.Max)
            {
                error = field.Name + ": '" + token + "' is out of range " + field.Min + "-" + field.Max;
                return false;
            }

            error = string.Empty;
            return true;
        }

        value = field.ValueOfName(token);
        if (value >= 0)
        {
            error = string.Empty;
            return true;
        }

        error = field.Names is null
            ? field.Name + ": '" + token + "' is not a number"
            : field.Name + ": '" + token + "' is not a number or a name; use " + field.RangeText;
        return false;
    }

    // Catches characters from another field's table ('?' in hours, '/' in day-of-week, '#' in day-of-month)
    // with a message that lists what the field does take.
    private static bool CheckCharacters(CronField field, string text, out string error)
    {
        foreach (var c in text)
        {
            var isLetter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
            if (!isLetter && (c < '0' || c > '9') && !field.Allows(c))
            {
                error = field.Name + ": '" + c + "' is not allowed; " + field.Name + " takes " + field.RangeText
                    + " and the wildcards " + field.WildcardText;
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    private static bool CheckQuestionMark(CronField field, string text, out string error)
    {
        if (text.Length > 1 && text.IndexOf('?') >= 0)
        {
            error = field.Name + ": '?' must stand alone, not in '" + text + "'";
            return false;
        }

        error = string.Empty;
        return true;
    }
}
