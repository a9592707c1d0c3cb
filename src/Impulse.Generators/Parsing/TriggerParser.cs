using System;
using System.Collections.Generic;
using System.Linq;
using Impulse.Generators.Model;
using Impulse.Generators.Permissions;
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

    /// <summary>
    /// The function's triggers in declaration order, with the settings only the whole function decides:
    /// <c>reportBatchItemFailures</c> when the generated invoker reports failed records itself (the handler
    /// takes one message), and the <c>ruleName</c> of EventBridge and schedule triggers.
    /// </summary>
    public static EquatableArray<TriggerModel> ParseAll(IEnumerable<AttributeData> attributes, string functionName, bool handlerTakesOneMessage)
    {
        var triggers = attributes.Select(Parse).ToList();
        var rules = EventRuleNames.ForTriggers(functionName, triggers.Select(t => (t.Kind, t.Source)));
        for (var i = 0; i < triggers.Count; i++)
        {
            var trigger = triggers[i];
            if (trigger.Kind == "pull")
                triggers[i] = WithSetting(trigger, "reportBatchItemFailures", handlerTakesOneMessage ? "true" : "false");
            else if (rules[i] is { } rule)
                triggers[i] = WithSetting(trigger, "ruleName", new JsonText().Value(rule).ToString());
        }
        return triggers.ToEquatableArray();
    }

    private static TriggerModel WithSetting(TriggerModel trigger, string name, string json) =>
        trigger with
        {
            Settings = trigger.Settings.Concat(new[] { new SettingModel(name, json) })
                .OrderBy(s => s.Name, StringComparer.Ordinal).ToEquatableArray(),
        };

    public static TriggerModel Parse(AttributeData attribute)
    {
        var isPush = FunctionParser.IsAttribute(attribute, KnownNames.PushTriggerAttribute);
        var arguments = attribute.ConstructorArguments;
        var source = arguments.Length > 0 ? SourceName(arguments[0]) : "unknown";
        var expression = arguments.Length > 1 ? arguments[1].Value as string ?? string.Empty : string.Empty;

        var named = attribute.NamedArguments.ToDictionary(a => a.Key, a => FunctionParser.FormatJsonValue(a.Value));
        // An HTTP route is public unless it asks for IAM auth; the descriptor says which, either way.
        if (isPush && source == "http" && !named.ContainsKey("IamAuth"))
            named["IamAuth"] = "false";
        if (!isPush)
        {
            foreach (var (name, json) in PullDefaults)
            {
                if (!named.ContainsKey(name))
                    named[name] = json;
            }
        }

        var settings = named
            .Select(p => new SettingModel(CamelCase(p.Key), p.Value))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToEquatableArray();
        var deadLetterQueue = attribute.NamedArguments.FirstOrDefault(a => a.Key == "DeadLetterQueue").Value.Value as string;
        return new TriggerModel(isPush ? "push" : "pull", source, expression, settings, deadLetterQueue);
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
