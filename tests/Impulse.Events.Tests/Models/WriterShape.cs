using System.Text.Json.Serialization;

namespace Impulse.Events.Tests.Models;

/// <summary>
/// What the generated writers emit in more than one way: properties skipped when null (first, second, in the
/// middle, last), property names and enum names that must be escaped, string enums and their nullable form.
/// </summary>
public sealed class WriterShape
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? First { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Second { get; set; }

    public int Count { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Shade? Middle { get; set; }

    [JsonPropertyName("a<b & \"c\"")]
    public string? Html { get; set; }

    [JsonPropertyName("na\u00efve")]
    public Shade Shade { get; set; }

    public ulong Big { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Last { get; set; }
}

/// <summary>Only properties that may be skipped: all of them skipped is <c>{}</c>.</summary>
public sealed class OptionalOnly
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? A { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? B { get; set; }
}

/// <summary>Written as names, two of which need escaping.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Shade>))]
public enum Shade
{
    Light,

    [JsonStringEnumMemberName("dark <grey>")]
    Dark,

    \u00c9t\u00e9,
}
