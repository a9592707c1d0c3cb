using System.Linq;
using Impulse.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Impulse.Generators.Parsing;

/// <summary>Reads <c>[assembly: ImpulseJson(...)]</c>; the defaults match System.Text.Json's.</summary>
internal static class JsonOptionsParser
{
    public static JsonOptionsModel Parse(Compilation compilation)
    {
        var attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.ImpulseJsonAttribute);
        if (attribute is null)
            return JsonOptionsModel.Default;

        var options = JsonOptionsModel.Default;
        foreach (var argument in attribute.NamedArguments)
        {
            options = argument.Key switch
            {
                "Naming" when argument.Value.Value is int naming => options with { Naming = (JsonNaming)naming },
                "CaseInsensitive" when argument.Value.Value is bool value => options with { CaseInsensitive = value },
                "EnumsAsStrings" when argument.Value.Value is bool value => options with { EnumsAsStrings = value },
                _ => options,
            };
        }
        return options;
    }
}
