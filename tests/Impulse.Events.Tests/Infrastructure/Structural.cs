using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Impulse.Events.Tests.Infrastructure;

/// <summary>
/// Deep equality of two object graphs by their public properties, independent of any JSON code, so a round trip
/// through the generated reader and writer is judged by what the values are, not by how they print.
/// Strict where a round trip can be: doubles by bits (so -0 stays -0), decimals with their scale, date-times with
/// their offset, dictionaries as key sets, sequences in order.
/// </summary>
internal static class Structural
{
    public static void AssertEqual(object? expected, object? actual)
    {
        var difference = Difference(expected, actual, "$");
        Assert.True(difference is null, difference);
    }

    /// <summary>Where and how the two graphs first differ, or null when they are equal.</summary>
    public static string? Difference(object? expected, object? actual, string path)
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}.";
        if (expected.GetType() != actual.GetType() && !(IsCollection(expected) && IsCollection(actual)))
            return $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}.";

        switch (expected)
        {
            case string s:
                return string.Equals(s, (string)actual, StringComparison.Ordinal) ? null : $"{path}: expected {Show(s)}, got {Show(actual)}.";
            case double d:
                return BitConverter.DoubleToInt64Bits(d) == BitConverter.DoubleToInt64Bits((double)actual) ? null : $"{path}: expected {Show(d)}, got {Show(actual)}.";
            case float f:
                return BitConverter.SingleToInt32Bits(f) == BitConverter.SingleToInt32Bits((float)actual) ? null : $"{path}: expected {Show(f)}, got {Show(actual)}.";
            case decimal m:
                // Value and scale (1.50 is not 1.5 here); the sign of a zero is not compared, as decimal itself does not.
                return m == (decimal)actual && m.Scale == ((decimal)actual).Scale ? null : $"{path}: expected {Show(m)}, got {Show(actual)}.";
            case DateTimeOffset t:
                return t.EqualsExact((DateTimeOffset)actual) ? null : $"{path}: expected {Show(t)}, got {Show(actual)}.";
            case DateTime t:
                return t == (DateTime)actual && t.Kind == ((DateTime)actual).Kind ? null : $"{path}: expected {Show(t)}, got {Show(actual)}.";
            case JsonElement e:
                return JsonElement.DeepEquals(e, (JsonElement)actual) ? null : $"{path}: expected {e.GetRawText()}, got {((JsonElement)actual).GetRawText()}.";
            case byte[] bytes:
                return bytes.AsSpan().SequenceEqual((byte[])actual) ? null : $"{path}: expected bytes {Convert.ToHexString(bytes)}, got {Convert.ToHexString((byte[])actual)}.";
            case IEnumerable when AsDictionary(expected) is { } dictionary:
                return AsDictionary(actual) is { } other ? Dictionaries(dictionary, other, path) : $"{path}: expected a dictionary, got a {actual.GetType().Name}.";
            case IEnumerable sequence:
                return Sequences(sequence, (IEnumerable)actual, path);
        }

        var type = expected.GetType();
        if (type.IsPrimitive || type.IsEnum || expected is Guid or TimeSpan)
            return expected.Equals(actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}.";

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is null)
                continue;
            if (Difference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}") is { } difference)
                return difference;
        }
        return null;
    }

    private static string? Dictionaries(IDictionary expected, IDictionary actual, string path)
    {
        var expectedKeys = expected.Keys.Cast<string>().Order(StringComparer.Ordinal).ToList();
        var actualKeys = actual.Keys.Cast<string>().Order(StringComparer.Ordinal).ToList();
        if (!expectedKeys.SequenceEqual(actualKeys, StringComparer.Ordinal))
            return $"{path}: expected keys [{string.Join(", ", expectedKeys.Select(Show))}], got [{string.Join(", ", actualKeys.Select(Show))}].";
        foreach (var key in expectedKeys)
        {
            if (Difference(expected[key], actual[key], $"{path}[{Show(key)}]") is { } difference)
                return difference;
        }
        return null;
    }

    private static string? Sequences(IEnumerable expected, IEnumerable actual, string path)
    {
        var x = expected.Cast<object?>().ToList();
        var y = actual.Cast<object?>().ToList();
        if (x.Count != y.Count)
            return $"{path}: expected {x.Count} items, got {y.Count}.";
        for (var i = 0; i < x.Count; i++)
        {
            if (Difference(x[i], y[i], $"{path}[{i}]") is { } difference)
                return difference;
        }
        return null;
    }

    /// <summary>
    /// A dictionary as a non-generic one: <see cref="IDictionary"/> as it is, any other read-only dictionary of
    /// string keys (such as the readers' own map) copied, by its key-value pairs.
    /// </summary>
    private static IDictionary? AsDictionary(object value)
    {
        if (value is IDictionary dictionary)
            return dictionary;
        var readOnly = value.GetType().GetInterfaces().FirstOrDefault(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) && i.GetGenericArguments()[0] == typeof(string));
        if (readOnly is null)
            return null;
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in (IEnumerable)value)
        {
            var type = pair.GetType();
            copy[(string)type.GetProperty("Key")!.GetValue(pair)!] = type.GetProperty("Value")!.GetValue(pair);
        }
        return copy;
    }

    private static bool IsCollection(object value) => value is IEnumerable and not string;

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => JsonSerializer.Serialize(s, Samples.Strict),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
