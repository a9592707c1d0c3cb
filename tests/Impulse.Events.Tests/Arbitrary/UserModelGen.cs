using CsCheck;
using Impulse.Events.Tests.Models;
using static Impulse.Events.Tests.Arbitrary.ScalarGen;

namespace Impulse.Events.Tests.Arbitrary;

/// <summary>Random <see cref="UserModel"/>s: every member, null where it may be, nested to a bounded depth.</summary>
internal static class UserModelGen
{
    /// <summary>Named members, and numbers that name none (written and read as their number).</summary>
    public static readonly Gen<Mood> Mood = Gen.Frequency(
        (4, Gen.Enum<Mood>()),
        (1, Gen.Int.Select(i => (Mood)i)));

    public static Gen<UserChild?> Child(int depth) => depth == 0
        ? Gen.Const(default(UserChild))
        : Gen.Select(Text, Gen.Int, Child(depth - 1), FiniteDouble.List[0, 4], (label, d, next, weights) => new UserChild(label, d, next, weights)).Null(0.3);

    private static readonly Gen<UserSettings> Settings = Gen.Select(Gen.Bool, Text, Gen.Short, Mood.Array[0, 4],
        (enabled, theme, small, moods) => new UserSettings { Enabled = enabled, Theme = theme, Small = small, Moods = moods });

    private static readonly Gen<(string, string?, int, long, decimal, double, bool, Mood)> Scalars =
        Gen.Select(AnyText, Text.Null(), Gen.Int, Gen.Long, AnyDecimal, FiniteDouble, Gen.Bool, Mood);

    private static readonly Gen<(int?, Mood?, DateTimeOffset, DateTimeOffset?, Guid, Guid?, byte[], byte[]?)> Optionals =
        Gen.Select(Gen.Int.Nullable(), Mood.Nullable(), Instant, Instant.Nullable(), Gen.Guid, Gen.Guid.Nullable(), Bytes, Bytes.Null());

    private static readonly Gen<(string[], List<long>?, Dictionary<string, int>, Dictionary<string, UserChild>?, UserChild?, UserChild[], UserSettings)> Collections =
        Gen.Select(
            Text.Array[0, 5],
            Gen.Long.List[0, 5].Null(),
            Text.Dictionary(Gen.Int)[0, 5],
            Text.Dictionary(Child(2).Where(c => c is not null).Select(c => c!))[0, 3].Null(),
            Child(3),
            Child(2).Where(c => c is not null).Select(c => c!).Array[0, 3],
            Settings);

    public static readonly Gen<UserModel> Model = Gen.Select(Scalars, Optionals, Collections, (s, o, c) => new UserModel
    {
        Name = s.Item1,
        Note = s.Item2,
        Int = s.Item3,
        Long = s.Item4,
        Decimal = s.Item5,
        Double = s.Item6,
        Flag = s.Item7,
        Mood = s.Item8,
        MaybeInt = o.Item1,
        MaybeMood = o.Item2,
        When = o.Item3,
        MaybeWhen = o.Item4,
        Id = o.Item5,
        MaybeId = o.Item6,
        Payload = o.Item7,
        MaybePayload = o.Item8,
        Tags = c.Item1,
        Numbers = c.Item2,
        Counts = c.Item3,
        ChildrenByName = c.Item4,
        Child = c.Item5,
        Children = c.Item6,
        Settings = c.Item7,
    });
}
