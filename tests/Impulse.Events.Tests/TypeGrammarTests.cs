using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Impulse.Events.Tests;

/// <summary>
/// Holds every public type in <c>Impulse.Events</c> to the grammar the source generator reads and writes:
/// sealed records with init-only properties, each named by <c>[JsonPropertyName]</c>, of a small set of types.
/// </summary>
public sealed class TypeGrammarTests
{
    private static readonly Type[] Scalars =
        [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(decimal), typeof(DateTimeOffset), typeof(byte[]), typeof(JsonElement)];

    // Methods a record declares for itself, and the one documented helper.
    private static readonly HashSet<string> AllowedMethods =
        ["Equals", "GetHashCode", "ToString", "op_Equality", "op_Inequality", "<Clone>$", $"{nameof(CloudWatchLogsEvent)}.{nameof(CloudWatchLogsEvent.Decode)}"];

    private static readonly Type[] Types = typeof(SqsEvent).Assembly.GetExportedTypes()
        .Where(t => t.Namespace == "Impulse.Events").OrderBy(t => t.Name, StringComparer.Ordinal).ToArray();

    public static TheoryData<Type> EventTypes() => new(Types);

    [Fact]
    public void EventsNamespace_HoldsEveryFamily() =>
        Assert.True(Types.Length >= 60, $"Only {Types.Length} public types in Impulse.Events.");

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EventType_IsSealedRecordWithParameterlessConstructor(Type type)
    {
        Assert.True(type.IsClass && type.IsSealed, $"{type.Name} is not a sealed class.");
        Assert.NotNull(type.GetMethod("<Clone>$"));
        Assert.NotNull(type.GetConstructor(Type.EmptyTypes));
        Assert.NotNull(Activator.CreateInstance(type.IsGenericTypeDefinition ? type.MakeGenericType(typeof(JsonElement)) : type));
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EventType_EveryProperty_IsInitOnlyAndNamedForTheWire(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>();
            Assert.True(name is not null, $"{type.Name}.{property.Name} has no [JsonPropertyName].");
            var setter = property.SetMethod;
            Assert.True(setter is { IsPublic: true } && setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)),
                $"{type.Name}.{property.Name} is not {{ get; init; }}.");
            Assert.True(Allowed(property.PropertyType), $"{type.Name}.{property.Name} has type {property.PropertyType}, outside the event type grammar.");
        }
        var names = properties.Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()!.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void EventType_DeclaresNoLogicBeyondDocumentedHelpers(Type type)
    {
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName || m.Name.StartsWith("op_", StringComparison.Ordinal))
            .Where(m => !AllowedMethods.Contains(m.Name) && !AllowedMethods.Contains($"{type.Name}.{m.Name}"))
            .Select(m => m.Name);

        Assert.Empty(methods);
    }

    private static bool Allowed(Type type)
    {
        if (type.IsGenericParameter || Scalars.Contains(type) || type.Namespace == "Impulse.Events")
            return true;
        if (Nullable.GetUnderlyingType(type) is { } underlying)
            return Allowed(underlying);
        if (!type.IsGenericType)
            return false;
        var definition = type.GetGenericTypeDefinition();
        var arguments = type.GetGenericArguments();
        if (definition == typeof(IReadOnlyList<>))
            return Allowed(arguments[0]);
        return definition == typeof(IReadOnlyDictionary<,>) && arguments[0] == typeof(string) && Allowed(arguments[1]);
    }
}
