using System.Text.Json.Serialization;

namespace Impulse.Events.Tests.Models;

/// <summary>A user's event type that covers the generator's type grammar: every scalar, nullables, collections, nesting.</summary>
public sealed record UserModel
{
    /// <summary>A required member: the generated reader sets it in the object initializer and fails when it is missing.</summary>
    public required string Name { get; init; }

    public string? Note { get; init; }

    [JsonPropertyName("int")]
    public int Int { get; init; }

    public long Long { get; init; }

    public decimal Decimal { get; init; }

    public double Double { get; init; }

    public bool Flag { get; init; }

    public Mood Mood { get; init; }

    public int? MaybeInt { get; init; }

    public Mood? MaybeMood { get; init; }

    public DateTimeOffset When { get; init; }

    public DateTimeOffset? MaybeWhen { get; init; }

    public Guid Id { get; init; }

    public Guid? MaybeId { get; init; }

    public byte[] Payload { get; init; } = [];

    public byte[]? MaybePayload { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public List<long>? Numbers { get; init; }

    public IReadOnlyDictionary<string, int> Counts { get; init; } = new Dictionary<string, int>();

    public Dictionary<string, UserChild>? ChildrenByName { get; init; }

    public UserChild? Child { get; init; }

    public IReadOnlyList<UserChild> Children { get; init; } = [];

    /// <summary>Settable rather than init-only: the reader assigns it after construction.</summary>
    public UserSettings Settings { get; set; } = new();
}

/// <summary>A positional record: the generated reader builds it through its constructor. Recursive through <see cref="Next"/>.</summary>
public sealed record UserChild(string Label, int Depth, UserChild? Next, IReadOnlyList<double> Weights);

/// <summary>A mutable class with settable properties.</summary>
public sealed class UserSettings
{
    public bool Enabled { get; set; }

    public string Theme { get; set; } = "";

    public short Small { get; set; }

    public IReadOnlyList<Mood> Moods { get; set; } = [];
}

/// <summary>Written as a number (the default); one negative member and a gap, so the numbers are not indexes.</summary>
public enum Mood
{
    Calm,
    Happy,
    Grumpy = 7,
    Sad = -3,
}
