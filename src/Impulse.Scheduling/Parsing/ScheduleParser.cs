// This file is compiled into the netstandard2.0 generator as well: netstandard2.0 APIs only.
using System;
using System.Globalization;

namespace Impulse.Scheduling;

/// <summary>
/// Parses EventBridge schedule expressions, <c>rate(value unit)</c> and <c>cron(fields)</c>, with errors that
/// name the part that is wrong. Shared by the runtime library and the generator's compile-time check.
/// </summary>
internal static class ScheduleParser
{
    /// <summary>EventBridge's PutRule limit on <c>ScheduleExpression</c>.</summary>
    public const int MaxLength = 256;

    private const string Expected =
        "expected 'rate(value unit)' or 'cron(minutes hours day-of-month month day-of-week year)'";

    // AWS separates a rate's two parts and a cron's six fields by "white space".
    private static readonly char[] WhiteSpace = [' ', '\t'];

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, out ScheduleSpec? spec, out string error)
    {
        spec = null;
        if (text is null || text.Length == 0)
        {
            error = "the schedule expression is empty; " + Expected;
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = "the schedule expression is " + text.Length + " characters long; AWS allows at most " + MaxLength;
            return false;
        }

        // AWS writes the keywords in lower case and documents nothing else, so nothing else is accepted.
        if (Unwrap(text, "rate", out var rateBody))
        {
            return TryParseRate(rateBody, out spec, out error);
        }

        if (Unwrap(text, "cron", out var cronBody))
        {
            return CronParser.TryParse(cronBody, WhiteSpace, out spec, out error);
        }

        error = "'" + text + "' is not a schedule expression; " + Expected;
        return false;
    }

    private static bool Unwrap(string text, string keyword, out string body)
    {
        if (text.StartsWith(keyword + "(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
        {
            body = text.Substring(keyword.Length + 1, text.Length - keyword.Length - 2);
            return true;
        }

        body = string.Empty;
        return false;
    }

    private static bool TryParseRate(string body, out ScheduleSpec? spec, out string error)
    {
        spec = null;
        var parts = body.Split(WhiteSpace, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            error = "rate: expected a value and a unit, as in 'rate(5 minutes)', but found '" + body.Trim() + "'";
            return false;
        }

        var valueText = parts[0];
        var unit = parts[1];
        if (!IsDigits(valueText))
        {
            error = "rate: value '" + valueText + "' is not a positive integer";
            return false;
        }

        if (!int.TryParse(valueText, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            error = "rate: value '" + valueText + "' is too large";
            return false;
        }

        if (value == 0)
        {
            error = "rate: value must be a positive integer, not 0";
            return false;
        }

        int minutesPerUnit;
        bool plural;
        switch (unit)
        {
            case "minute": minutesPerUnit = 1; plural = false; break;
            case "minutes": minutesPerUnit = 1; plural = true; break;
            case "hour": minutesPerUnit = 60; plural = false; break;
            case "hours": minutesPerUnit = 60; plural = true; break;
            case "day": minutesPerUnit = 1440; plural = false; break;
            case "days": minutesPerUnit = 1440; plural = true; break;
            default:
                error = "rate: unknown unit '" + unit + "'; expected minute, minutes, hour, hours, day or days";
                return false;
        }

        // AWS: "If the value is equal to 1, then the unit must be singular. If the value is greater than 1,
        // the unit must be plural."
        if (value == 1 && plural)
        {
            var singular = unit.Substring(0, unit.Length - 1);
            error = "rate: a value of 1 takes the singular unit: write 'rate(1 " + singular + ")', not 'rate(1 " + unit + ")'";
            return false;
        }

        if (value > 1 && !plural)
        {
            error = "rate: a value above 1 takes the plural unit: write 'rate(" + valueText + " " + unit + "s)', not 'rate("
                + valueText + " " + unit + ")'";
            return false;
        }

        spec = new RateSpec(value, unit, minutesPerUnit);
        error = string.Empty;
        return true;
    }

    /// <summary>Whether <paramref name="text"/> is one or more ASCII digits (no sign, no spaces).</summary>
    internal static bool IsDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }
}
