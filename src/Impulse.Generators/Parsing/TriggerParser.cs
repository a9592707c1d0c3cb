using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>Reads <c>[PushTrigger]</c> and <c>[PullTrigger]</c> into descriptor data.</summary>
internal static class TriggerParser
{
    // Attribute defaults, so the descriptor states every setting whether or not the user wrote it.
    private static readonly (string Name, string Json)[] PullDefaults =
    {
        ("BatchSize", "10"),
        ("MaxBatchingWindowSeconds", "0"),
        ("MaxConcurrency", "0"),
        ("MaxRetryAttempts", "3"),
    };

    public static TriggerModel Parse(AttributeData attribute)
    {
        var isPush = FunctionParser.IsAttribute(attribute, KnownNames.PushTriggerAttribute);
        var arguments = attribute.ConstructorArguments;
        var source = arguments.Length > 0 ? SourceName(arguments[0]) : "unknown";
        var expression = arguments.Length > 1 ? arguments[1].Value as string ?? string.Empty : string.Empty;

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => FunctionParser.FormatJsonValue(a.Value));
        if (!isPush)
        {
            foreach (var (name, json) in PullDefaults)
            {
                if (!named.ContainsKey(name))
                    named[name] = json;
            }
        }

        var settings = named
            .OrderBy(p => p.Key, System.StringComparer.Ordinal)
            .Select(p => new SettingModel(CamelCase(p.Key), p.Value))
            .ToEquatableArray();
        return new TriggerModel(isPush ? "push" : "pull", source, expression, settings);
    }

    /// <summary>The enum member's name in camel case (<c>EventBridge</c> → <c>eventBridge</c>).</summary>
    private static string SourceName(TypedConstant value)
    {
        if (value.Type is INamedTypeSymbol enumType && value.Value is not null)
        {
            var member = enumType.GetMembers().OfType<IFieldSymbol>()
                .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value.Value));
            if (member is not null)
                return CamelCase(member.Name);
        }
        return value.Value?.ToString() ?? "unknown";
    }

    private static string CamelCase(string name) =>
        name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
